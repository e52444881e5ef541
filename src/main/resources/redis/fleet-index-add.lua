-- Adds a session or task to a fleet index (the console's list of them by creation time) and keeps only the newest:
-- members left by sessions and tasks that expired without a listing to drop them cannot pile up.
-- KEYS[1] the index; ARGV[1] the creation time (epoch ms), ARGV[2] the id, ARGV[3] how many members to keep
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
return 1
