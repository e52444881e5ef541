-- Restarts the retention of the given memories, those still kept. Returns how many were.
-- KEYS[1] hash id -> memory JSON, KEYS[2] sorted set id -> expiry (epoch ms)
-- ARGV[1] now (epoch ms), ARGV[2] new expiry (epoch ms), ARGV[3] retention (ms), ARGV[4..] ids
local refreshed = 0
for i = 4, #ARGV do
  local expiry = redis.call('ZSCORE', KEYS[2], ARGV[i])
  if expiry and tonumber(expiry) > tonumber(ARGV[1]) then
    redis.call('ZADD', KEYS[2], 'XX', ARGV[2], ARGV[i])
    refreshed = refreshed + 1
  end
end
if refreshed > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return refreshed
