-- Takes one permit from a GCRA bucket (generic cell rate algorithm), atomically, in one round trip.
-- The bucket is one string: its theoretical arrival time (TAT) in microseconds of Redis's clock. A bucket whose TAT
-- is in the past is full, which is why the key may expire then: an absent key is a full bucket.
-- KEYS[1] the bucket
-- ARGV[1] emission interval in microseconds (window / permits), ARGV[2] burst in permits
-- Returns {allowed (1 or 0), remaining permits, microseconds until one permit frees (0 when allowed)}.
--
-- Redis's own clock, so replicas whose clocks disagree still share one bucket. Calling TIME before a write is allowed
-- because scripts are replicated by their effects (the only mode since Redis 7; the default since 5).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])

local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then
  tat = now
end
local new_tat = tat + interval
local allow_at = new_tat - interval * burst
if now < allow_at then
  return {0, 0, allow_at - now}
end
-- string.format: a plain number argument would be sent as '%.14g', losing the last digits of the epoch microseconds.
redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
return {1, math.floor((now - allow_at) / interval), 0}
