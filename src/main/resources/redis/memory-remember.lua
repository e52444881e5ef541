-- Stores a memory, first dropping expired ones and, beyond the bound, the least recently used ones.
-- Returns the ids dropped to make room (not the expired ones).
-- KEYS[1] hash id -> memory JSON, KEYS[2] sorted set id -> expiry (epoch ms)
-- ARGV[1] now (epoch ms), ARGV[2] the new memory's expiry (epoch ms), ARGV[3] retention (ms), ARGV[4] max entries,
-- ARGV[5] id, ARGV[6] memory JSON
local function drop(ids)
  -- in chunks: unpack() of thousands of values would overflow Lua's stack
  for i = 1, #ids, 500 do
    redis.call('HDEL', KEYS[1], unpack(ids, i, math.min(i + 499, #ids)))
  end
end
drop(redis.call('ZRANGE', KEYS[2], '-inf', ARGV[1], 'BYSCORE'))
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local evicted = {}
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4]) + 1
if excess > 0 then
  evicted = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
  drop(evicted)
end
redis.call('HSET', KEYS[1], ARGV[5], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
-- Every expiry is at most now + retention, so the keys themselves go when the last memory does.
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return evicted
