-- Adds an entry to a session-owned sorted set that expires with the session. Returns 0 when there is no session.
-- KEYS[1] session hash, KEYS[2] the collection's sorted set
-- ARGV[1] collection name, ARGV[2] score, ARGV[3] entry
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'c:' .. ARGV[1], '1')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
