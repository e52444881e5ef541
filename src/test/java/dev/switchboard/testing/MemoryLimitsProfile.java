package dev.switchboard.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Memory tools with small limits and a namespace of their own, to test the bounds without waiting 90 days. */
public class MemoryLimitsProfile implements QuarkusTestProfile {

    public static final String NAMESPACE = "team-a";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.memory.namespace", NAMESPACE,
                "switchboard.memory.retention", "2s",
                "switchboard.memory.max-entries", "3",
                "switchboard.memory.max-text-length", "100");
    }
}
