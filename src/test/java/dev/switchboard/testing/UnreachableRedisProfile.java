package dev.switchboard.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Redis selected but unreachable: nothing listens on port 1, and calls give up fast. Start-up does not wait for it,
 * so the test sees how a running replica reports a Redis that has gone away.
 */
public class UnreachableRedisProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.sessions.store", "redis",
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "quarkus.redis.timeout", "1s",
                "switchboard.sessions.redis-start-timeout", "0s");
    }
}
