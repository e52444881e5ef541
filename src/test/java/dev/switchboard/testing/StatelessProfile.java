package dev.switchboard.testing;

import dev.switchboard.testing.tools.TestTools;
import java.util.Map;

/** The test tools, with keep-alive comments on 2026-07-28 streams every 300 ms so a test can see them. */
public class StatelessProfile extends TestToolsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(TestTools.PROPERTY, "true", "switchboard.stateless.keep-alive", "300ms");
    }
}
