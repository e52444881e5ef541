-- The calling replica now holds the stream's connection; the previous holder, if another, is told to let go.
-- KEYS[1] stream, KEYS[2] owner; ARGV[1] ttl ms, ARGV[2] replica id, ARGV[3] channel prefix, ARGV[4] session id,
-- ARGV[5] stream id
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local previous = redis.call('GET', KEYS[2])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
if previous and previous ~= ARGV[2] then
  redis.call('PUBLISH', ARGV[3] .. previous, cjson.encode({k = 'revoke', s = ARGV[4], st = ARGV[5]}))
end
return 1
