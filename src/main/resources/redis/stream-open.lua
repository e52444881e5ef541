-- Opens an SSE stream owned by the calling replica.
-- KEYS[1] stream, KEYS[2] owner, KEYS[3] the session's set of streams; ARGV[1] ttl ms, ARGV[2] replica id
redis.call('XADD', KEYS[1], '*', 't', 'open')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
redis.call('SADD', KEYS[3], KEYS[1])
redis.call('PEXPIRE', KEYS[3], ARGV[1])
return 1
