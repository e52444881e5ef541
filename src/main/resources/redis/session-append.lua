-- Appends tool uses a near cache kept back (NearCachedSessionStore) to an existing session's tools_used, with the
-- session's time to live. Nothing when the session is gone (ended or expired meanwhile). Returns 1 when appended.
-- KEYS[1] session hash, KEYS[2] tools_used list; ARGV[1] tools_used limit, ARGV[2..] tool uses (JSON), oldest first
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then
  return 0
end
redis.call('RPUSH', KEYS[2], unpack(ARGV, 2))
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[1]), -1)
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return 1
