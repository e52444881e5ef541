package dev.switchboard.testing;

import dev.switchboard.session.SessionStoreContract;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The embedded in-memory store, as dev mode uses it, with a short TTL; Redis points nowhere to prove it is unused. */
public class MemoryStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.sessions.store", "memory",
                "switchboard.sessions.ttl", SessionStoreContract.TTL.toString(),
                "quarkus.redis.hosts", "redis://127.0.0.1:1");
    }
}
