-- Sets one field of an existing session. Returns 0 when the session does not exist.
-- KEYS[1] session hash; ARGV[1] field, ARGV[2] value
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
