-- Appends an event and forwards it to the replica holding the stream's connection, if that is another one.
-- KEYS[1] stream, KEYS[2] owner
-- ARGV[1] ttl ms, ARGV[2] max length, ARGV[3] type (e event, f final, x ended without message), ARGV[4] data,
-- ARGV[5] this replica, ARGV[6] channel prefix, ARGV[7] session id, ARGV[8] stream id
-- Returns {entry id, id of the entry before it}, or false when the stream is unknown (expired). The previous id lets
-- the replica holding the connection notice events it never got (a forward lost with its subscription).
-- A last event (f, x) also releases the stream when this replica holds it: no connection follows it any more, and
-- doing it here saves the round trip of a separate release.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local before = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local previous = before[1] and before[1][1] or false
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 't', ARGV[3], 'd', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[5] then
  redis.call('PUBLISH', ARGV[6] .. owner, cjson.encode({k = 'event', s = ARGV[7], st = ARGV[8], id = id,
    p = previous, d = ARGV[4], l = ARGV[3] ~= 'e'}))
elseif owner and ARGV[3] ~= 'e' then
  redis.call('DEL', KEYS[2])
end
return {id, previous}
