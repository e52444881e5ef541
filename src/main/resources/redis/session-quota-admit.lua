-- Admits a session for its owner unless the owner already holds the maximum, atomically.
-- Returns 1 when admitted (or already held: a retried call is not refused), 0 when refused (nothing recorded).
-- KEYS[1] the owner's sorted set: session id -> admission time (epoch ms)
-- ARGV[1] session ttl (ms), ARGV[2] max sessions (> 0), ARGV[3] session id
-- Redis's clock, not the replica's, so replicas with skewed clocks count alike (effects replication, Redis >= 5).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
-- An admission one TTL old or older no longer counts.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - tonumber(ARGV[1])))
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  return 1
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], string.format('%d', now), ARGV[3])
-- The newest admission counts longest, so the key can go when it stops counting.
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
