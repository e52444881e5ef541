-- Returns a scope's live memories, most recently stored or recalled first, at most ARGV[2]; drops expired ones.
-- KEYS[1] hash id -> memory JSON, KEYS[2] sorted set id -> expiry (epoch ms)
-- ARGV[1] now (epoch ms), ARGV[2] max entries
local expired = redis.call('ZRANGE', KEYS[2], '-inf', ARGV[1], 'BYSCORE')
for i = 1, #expired, 500 do
  redis.call('HDEL', KEYS[1], unpack(expired, i, math.min(i + 499, #expired)))
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local ids = redis.call('ZRANGE', KEYS[2], '+inf', '(' .. ARGV[1], 'BYSCORE', 'REV', 'LIMIT', 0, ARGV[2])
if #ids == 0 then
  return {}
end
local found = {}
for _, memory in ipairs(redis.call('HMGET', KEYS[1], unpack(ids))) do
  if memory then
    found[#found + 1] = memory
  end
end
return found
