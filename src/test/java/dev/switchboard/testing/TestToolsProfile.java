package dev.switchboard.testing;

import dev.switchboard.testing.tools.TestTools;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Adds the test tools of {@code dev.switchboard.testing.tools} to the application. */
public class TestToolsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(TestTools.PROPERTY, "true");
    }
}
