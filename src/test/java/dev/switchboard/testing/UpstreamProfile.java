package dev.switchboard.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The memory store, and the reference server "everything" mounted as the upstream {@code everything}. */
public class UpstreamProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.sessions.store", "memory",
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "switchboard.weather.provider", "offline");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EverythingServer.class));
    }
}
