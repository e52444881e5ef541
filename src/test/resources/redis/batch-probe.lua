-- ScriptBatchesTest's probe: counts its runs on KEYS[1] (so a script run twice shows) and echoes ARGV[1].
return {ARGV[1], redis.call('INCR', KEYS[1])}
