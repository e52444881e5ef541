-- Deletes its owner's session and everything it holds. Returns 1 when it existed (for that owner).
-- KEYS[1] session hash, KEYS[2] tools_used list, KEYS[3] the key prefix of the session's collections (named by the hash
-- fields starting with 'c:', so built from this prefix, which carries the session's hash tag: declared, so the cluster
-- client routes by it and Redis refuses it unless it is in the slot of KEYS[1])
-- ARGV[1] the principal asking (sessions stored before owners existed belong to 'open')
if (redis.call('HGET', KEYS[1], 'owner') or 'open') ~= ARGV[1] then
  return 0
end
local fields = redis.call('HKEYS', KEYS[1])
if #fields == 0 then
  return 0
end
for _, field in ipairs(fields) do
  if string.sub(field, 1, 2) == 'c:' then
    redis.call('DEL', KEYS[3] .. string.sub(field, 3))
  end
end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
