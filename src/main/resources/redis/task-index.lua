-- Lists a task under its owner, and keeps the owner's index until the last of its tasks expires.
-- KEYS[1] the owner's index (sorted set of task ids by expiry); ARGV[1] the task's expiry (epoch ms), ARGV[2] its id.
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
local ttl = redis.call('PEXPIRETIME', KEYS[1])
if ttl < tonumber(ARGV[1]) then
  redis.call('PEXPIREAT', KEYS[1], ARGV[1])
end
return 1
