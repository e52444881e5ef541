package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An upstream named {@code dead} at a loopback port nothing listens on, with a circuit breaker that opens after two
 * failed calls and stays open for the rest of a test, and list reads retried every second.
 */
public class DeadUpstream implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "switchboard.upstreams.dead.url", "http://127.0.0.1:" + FreePorts.one() + "/mcp",
                "switchboard.upstreams.dead.timeout", "2s",
                "switchboard.upstreams.dead.refresh", "1s",
                "switchboard.upstreams.dead.breaker.window", "2",
                "switchboard.upstreams.dead.breaker.delay", "60s");
    }

    @Override
    public void stop() {}
}
