-- The calling replica no longer holds the stream's connection (unless another took it meanwhile).
-- KEYS[1] owner; ARGV[1] replica id
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1
