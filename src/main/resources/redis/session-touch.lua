-- Loads its owner's session and restarts the sliding TTL of everything it owns, optionally recording tool calls.
-- KEYS[1] session hash, KEYS[2] tools_used list, KEYS[3] the key prefix of the session's collections (their names are
-- the hash fields starting with 'c:', so their keys are built from this prefix; it carries the session's hash tag, and
-- being declared, the cluster client routes by it and Redis refuses it unless it is in the slot of KEYS[1])
-- ARGV[1] ttl in ms, ARGV[2] now in epoch ms, ARGV[3] tools_used limit,
-- ARGV[4] the principal presenting the id: a session owned by another one is answered as missing, and left untouched
-- (sessions stored before owners existed belong to 'open', the principal of a server without authorization)
-- ARGV[5], ARGV[6] the session's allowance (GCRA emission interval in microseconds, burst), or '' for none: its
-- theoretical arrival time is the hash field 'rate', on Redis's clock. Used up: {'!rate', microseconds to wait}, and
-- nothing is touched.
-- ARGV[7..] tool uses (JSON) to append to tools_used, oldest first: the call being made, and those a near cache
-- (NearCachedSessionStore) kept back since its last trip here
if redis.call('EXISTS', KEYS[1]) == 0 or (redis.call('HGET', KEYS[1], 'owner') or 'open') ~= ARGV[4] then
  return false
end
if ARGV[5] ~= '' then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
  local interval = tonumber(ARGV[5])
  local tat = tonumber(redis.call('HGET', KEYS[1], 'rate') or now)
  if tat < now then
    tat = now
  end
  local allow_at = tat + interval - interval * tonumber(ARGV[6])
  if now < allow_at then
    return {'!rate', string.format('%d', allow_at - now)}
  end
  redis.call('HSET', KEYS[1], 'rate', string.format('%d', tat + interval))
end
redis.call('HSET', KEYS[1], 'seen', ARGV[2])
if #ARGV >= 7 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
end
local fields = redis.call('HGETALL', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'c:' then
    redis.call('PEXPIRE', KEYS[3] .. string.sub(fields[i], 3), ARGV[1])
  end
end
return fields
