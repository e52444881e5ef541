-- Reads a session for the console, without touching it: its fields, its tools_used, and the replica holding one of
-- its open streams. Returns nil when it does not exist, else {fields (HGETALL), tools (oldest first), replica or nil}.
-- KEYS[1] session hash, KEYS[2] tools_used list, KEYS[3] the session's set of streams (their full keys), KEYS[4] the
-- key prefix of the session's streams: each owner key read is built from it (it carries the session's hash tag, so it
-- is in the slot of KEYS[1]); a member not under it is not one of this session's streams
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then
  return false
end
local tools = redis.call('LRANGE', KEYS[2], 0, -1)
local replica = false
for _, stream in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if string.sub(stream, 1, #KEYS[4]) == KEYS[4] then
    local owner = redis.call('GET', KEYS[4] .. string.sub(stream, #KEYS[4] + 1) .. ':owner')
    if owner then
      replica = owner
      break
    end
  end
end
return {fields, tools, replica}
