-- Deletes every stream of a session. KEYS[1] the session's set of streams
for _, stream in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('DEL', stream, stream .. ':owner')
end
redis.call('DEL', KEYS[1])
return 1
