-- Sends a client's answer to the replica waiting for it. KEYS[1] the pending request's key
-- ARGV[1] channel prefix, ARGV[2] message. Returns 0 when no replica waits (unknown, answered or expired).
local owner = redis.call('GET', KEYS[1])
if not owner then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[1] .. owner, ARGV[2])
return 1
