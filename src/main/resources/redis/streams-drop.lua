-- Deletes every stream of a session.
-- KEYS[1] the session's set of streams (their full keys), KEYS[2] the key prefix of the session's streams: each key
-- deleted is built from it (it carries the session's hash tag: declared, so the cluster client routes by it and Redis
-- refuses it unless it is in the slot of KEYS[1]); a member not under it is not one of this session's streams
for _, stream in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if string.sub(stream, 1, #KEYS[2]) == KEYS[2] then
    local id = string.sub(stream, #KEYS[2] + 1)
    redis.call('DEL', KEYS[2] .. id, KEYS[2] .. id .. ':owner')
  end
end
redis.call('DEL', KEYS[1])
return 1
