-- Deletes a session and everything it owns. Returns 1 when it existed.
-- KEYS[1] session hash, KEYS[2] tools_used list; ARGV[1] key prefix of the session's collections
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
