-- Replaces a task's JSON if nobody changed it since it was read (compare and set), keeping the key's TTL.
-- KEYS[1] the task key; ARGV[1] the JSON that was read, ARGV[2] the new JSON. Returns 1 when replaced, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0
