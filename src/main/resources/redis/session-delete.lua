-- Deletes a session and everything it holds, its streams included: its owner's (DELETE /mcp), or anyone's (the
-- console). Returns the owner when it existed (for that owner), else nil.
-- KEYS[1] session hash, KEYS[2] tools_used list, KEYS[3] the key prefix of the session's collections (named by the hash
-- fields starting with 'c:', so built from this prefix, which carries the session's hash tag: declared, so the cluster
-- client routes by it and Redis refuses it unless it is in the slot of KEYS[1]), KEYS[4] the session's set of streams
-- (their full keys), KEYS[5] the key prefix of the session's streams (each stream key deleted is built from it; a
-- member not under it is not one of this session's streams)
-- ARGV[1] the principal asking, or '' for any owner (sessions stored before owners existed belong to 'open')
-- ARGV[2] the channel where replicas hear that a session changed (their near caches drop it), ARGV[3] the session id
local owner = redis.call('HGET', KEYS[1], 'owner') or 'open'
if ARGV[1] ~= '' and owner ~= ARGV[1] then
  return false
end
local fields = redis.call('HKEYS', KEYS[1])
if #fields == 0 then
  return false
end
for _, field in ipairs(fields) do
  if string.sub(field, 1, 2) == 'c:' then
    redis.call('DEL', KEYS[3] .. string.sub(field, 3))
  end
end
for _, stream in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if string.sub(stream, 1, #KEYS[5]) == KEYS[5] then
    local id = string.sub(stream, #KEYS[5] + 1)
    redis.call('DEL', KEYS[5] .. id, KEYS[5] .. id .. ':owner')
  end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return owner
