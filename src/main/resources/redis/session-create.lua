-- Creates a session hash with its time to live in one step.
-- KEYS[1] session hash; ARGV[1] ttl in ms; ARGV[2..] field/value pairs
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
