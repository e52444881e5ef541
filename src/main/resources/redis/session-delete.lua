-- Deletes its owner's session and everything it holds. Returns 1 when it existed (for that owner).
-- KEYS[1] session hash, KEYS[2] tools_used list; ARGV[1] key prefix of the session's collections,
-- ARGV[2] the principal asking (sessions stored before owners existed belong to 'open')
if (redis.call('HGET', KEYS[1], 'owner') or 'open') ~= ARGV[2] then
  return 0
end
local fields = redis.call('HKEYS', KEYS[1])
if #fields == 0 then
  return 0
end
for _, field in ipairs(fields) do
  if string.sub(field, 1, 2) == 'c:' then
    redis.call('DEL', ARGV[1] .. string.sub(field, 3))
  end
end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
