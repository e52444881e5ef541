-- Sets one field of an existing session. Returns 0 when the session does not exist.
-- KEYS[1] session hash; ARGV[1] field, ARGV[2] value
-- ARGV[3] the channel where replicas hear that a session changed (their near caches drop it), ARGV[4] the session id
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
