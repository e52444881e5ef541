package dev.switchboard.testing;

import dev.switchboard.session.SessionStoreContract;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/**
 * Small limits, so each test crosses the one it is about within seconds and a small request: sessions that expire
 * after 2.5 s (Redis keeps them the near cache's 200 ms refresh longer) and keep 3 tool uses; memories in their own namespace, kept 2 s, at most 3 of at most 100 characters;
 * bodies up to 64 KiB and small JSON limits; 10 requests per session per 10 minutes. The limits do not interact: each
 * test stays under the ones it is not about (few requests per session, small bodies, fresh sessions after waiting).
 */
public class SmallLimitsProfile implements QuarkusTestProfile {

    public static final String MEMORY_NAMESPACE = "team-a";

    public static final int REQUESTS_PER_SESSION = 10;

    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("switchboard.sessions.ttl", SessionStoreContract.TTL.toString()),
                Map.entry("switchboard.sessions.near-cache.refresh", "200ms"),
                Map.entry(
                        "switchboard.sessions.tools-used-limit",
                        Integer.toString(SessionStoreContract.TOOLS_USED_LIMIT)),
                Map.entry("switchboard.memory.namespace", MEMORY_NAMESPACE),
                Map.entry("switchboard.memory.retention", "2s"),
                Map.entry("switchboard.memory.max-entries", "3"),
                Map.entry("switchboard.memory.max-text-length", "100"),
                Map.entry("quarkus.http.limits.max-body-size", "64K"),
                Map.entry("switchboard.limits.json.max-nesting-depth", "10"),
                Map.entry("switchboard.limits.json.max-string-length", "1000"),
                Map.entry("switchboard.limits.json.max-number-length", "20"),
                Map.entry("switchboard.limits.json.max-name-length", "50"),
                Map.entry("switchboard.rate-limit.enabled", "true"),
                // The console off, as in production by default (ConsoleDisabledTest): nothing here uses it.
                Map.entry("switchboard.console.enabled", "false"),
                Map.entry("switchboard.rate-limit.per-session", Integer.toString(REQUESTS_PER_SESSION)),
                // one request back per minute: a slow machine never refills the bucket during a test's burst
                Map.entry("switchboard.rate-limit.window", RATE_WINDOW.toString()));
    }
}
