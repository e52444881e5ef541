-- Applies a batch of changes to a fleet index (the console's list of sessions or tasks by creation time) and keeps only
-- the newest: members left by sessions and tasks that expired without a listing to drop them cannot pile up.
-- KEYS[1] the index; ARGV[1] how many members to keep, ARGV[2] how many members to add (n), then n pairs of creation
-- time (epoch ms) and id, then the ids to remove.
local n = tonumber(ARGV[2])
if n > 0 then
  redis.call('ZADD', KEYS[1], unpack(ARGV, 3, 2 + 2 * n))
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
end
if #ARGV > 2 + 2 * n then
  redis.call('ZREM', KEYS[1], unpack(ARGV, 3 + 2 * n))
end
return 1
