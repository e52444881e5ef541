package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A second Switchboard (the packaged jar, memory store, offline weather) mounted twice in the application under test:
 * as {@code second}, spoken to in 2026-07-28 (it answers {@code server/discover}), and as {@code paired}, in sessions
 * ({@code protocol=session}). Integration tests only: it needs the packaged jar.
 */
public class SecondSwitchboard implements QuarkusTestResourceLifecycleManager {

    private ServiceProcess second;

    @Override
    public Map<String, String> start() {
        second = ServiceProcess.startWith(Map.of(
                "SWITCHBOARD_SESSIONS_STORE", "memory",
                "SWITCHBOARD_AUTH_ENABLED", "false",
                "SWITCHBOARD_WEATHER_PROVIDER", "offline"));
        return Map.of(
                "switchboard.sessions.store", "memory",
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "switchboard.weather.provider", "offline",
                "switchboard.upstreams.second.url", second.url() + "/mcp",
                "switchboard.upstreams.second.include", "weather.*,calendar.*,workspace.*",
                "switchboard.upstreams.paired.url", second.url() + "/mcp",
                "switchboard.upstreams.paired.protocol", "session",
                "switchboard.upstreams.paired.include", "calendar.*");
    }

    @Override
    public void stop() {
        if (second != null) {
            second.close();
        }
    }
}
