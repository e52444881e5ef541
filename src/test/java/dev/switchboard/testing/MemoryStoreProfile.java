package dev.switchboard.testing;

import dev.switchboard.session.SessionStoreContract;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The embedded in-memory store, as dev mode uses it, with a short TTL; Redis points nowhere to prove it is unused. The
 * switches the tests on this store are about are on too, as they do not interact: CORS for one browser app (its
 * origin the only one allowed), tracing into {@code CollectingSpanExporter}, and at most two open requests and
 * streams per session.
 */
public class MemoryStoreProfile implements QuarkusTestProfile {

    /** The browser app that CORS lets in. */
    public static final String BROWSER_APP = "https://app.example.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("switchboard.sessions.store", "memory"),
                Map.entry("switchboard.sessions.ttl", SessionStoreContract.TTL.toString()),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:1"),
                Map.entry("quarkus.http.cors.enabled", "true"),
                Map.entry("quarkus.http.cors.origins", BROWSER_APP),
                Map.entry("switchboard.transport.allowed-origins", BROWSER_APP),
                // Tracing as in production with an endpoint, spans exported to memory only: nothing listens for OTLP.
                Map.entry("quarkus.otel.sdk.disabled", "false"),
                Map.entry("quarkus.otel.exporter.otlp.enabled", "false"),
                Map.entry("quarkus.otel.bsp.schedule.delay", "0.05s"),
                Map.entry("switchboard.streams.max-open-per-session", "2"));
    }
}
