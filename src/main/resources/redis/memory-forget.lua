-- Forgets one memory. Returns its JSON when it was kept (stored and not expired), else false.
-- KEYS[1] hash id -> memory JSON, KEYS[2] sorted set id -> expiry (epoch ms)
-- ARGV[1] now (epoch ms), ARGV[2] id
local expiry = redis.call('ZSCORE', KEYS[2], ARGV[2])
local memory = redis.call('HGET', KEYS[1], ARGV[2])
redis.call('HDEL', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
if expiry and memory and tonumber(expiry) > tonumber(ARGV[1]) then
  return memory
end
return false
