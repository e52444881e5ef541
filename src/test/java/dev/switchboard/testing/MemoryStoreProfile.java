package dev.switchboard.testing;

import dev.switchboard.session.SessionStoreContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service on the embedded in-memory store, as dev mode runs it (Redis points nowhere, to prove it is unused), with
 * sessions that expire after 2.5 s and everything optional switched on, as the tests here are about each:
 *
 * <ul>
 *   <li>the external APIs configured as in production with keys, played by {@link ExternalApisStub}: {@code
 *       weather.get} on Open-Meteo (calls time out after 500 ms, answers are cached for 3 s, retries are quick, the
 *       circuit breaker opens after 4 failed requests and stays open for the rest of a test) and {@code search} on
 *       Brave Search (requests time out after 1.5 s, well above a cold first request); the agent's model API at an
 *       address where nothing listens;
 *   <li>CORS for one browser app, its origin the only one allowed;
 *   <li>tracing into {@code CollectingSpanExporter};
 *   <li>at most two open requests and streams per session.
 * </ul>
 *
 * They do not interact: no test here sends an Origin but the CORS test, opens more than two exchanges but the one
 * about it, or waits on a session longer than its TTL but the one about expiry. What the service logs goes to a file
 * ({@link ProfileLog}) as well.
 */
public class MemoryStoreProfile implements io.quarkus.test.junit.QuarkusTestProfile {

    /** The browser app that CORS lets in. */
    public static final String BROWSER_APP = "https://app.example.test";

    /** The fault-tolerance settings of the Open-Meteo calls. */
    private static final String GUARDS =
            "quarkus.fault-tolerance.\"dev.switchboard.builtin.weather.openmeteo.OpenMeteoApi\".";

    public static final int TIMEOUT_MILLIS = 500;
    public static final int MAX_RETRIES = 2;
    public static final int CIRCUIT_VOLUME = 4;
    public static final Duration CACHE_TTL = Duration.ofSeconds(3);

    public static final String BRAVE_KEY = "test-brave-key-7c41e9";
    public static final String OPENAI_KEY = "sk-openai-secret-9a8b7c";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(ProfileLog.settings(MemoryStoreProfile.class));
        settings.putAll(Map.ofEntries(
                Map.entry("switchboard.sessions.store", "memory"),
                Map.entry("switchboard.sessions.ttl", SessionStoreContract.TTL.toString()),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:1"),
                Map.entry("switchboard.weather.provider", "open-meteo"),
                Map.entry("switchboard.weather.timeout", TIMEOUT_MILLIS + "ms"),
                Map.entry("switchboard.weather.cache-ttl", CACHE_TTL.toMillis() + "ms"),
                Map.entry(GUARDS + "retry.max-retries", Integer.toString(MAX_RETRIES)),
                Map.entry(GUARDS + "retry.delay", "10"),
                Map.entry(GUARDS + "retry.jitter", "0"),
                Map.entry(GUARDS + "circuit-breaker.request-volume-threshold", Integer.toString(CIRCUIT_VOLUME)),
                Map.entry(GUARDS + "circuit-breaker.delay", "10"),
                Map.entry(GUARDS + "circuit-breaker.delay-unit", "minutes"),
                Map.entry("switchboard.search.provider", "brave"),
                Map.entry("switchboard.search.brave.api-key", BRAVE_KEY),
                Map.entry("switchboard.search.timeout", "1500ms"),
                // Nothing listens there: every agent run fails, and its error must not carry the key.
                Map.entry("switchboard.agent.base-url", "http://127.0.0.1:1/v1"),
                Map.entry("switchboard.agent.api-key", OPENAI_KEY),
                Map.entry("quarkus.http.cors.enabled", "true"),
                Map.entry("quarkus.http.cors.origins", BROWSER_APP),
                Map.entry("switchboard.transport.allowed-origins", BROWSER_APP),
                // Tracing as in production with an endpoint, spans exported to memory only: nothing listens for OTLP.
                Map.entry("quarkus.otel.sdk.disabled", "false"),
                Map.entry("quarkus.otel.exporter.otlp.enabled", "false"),
                Map.entry("quarkus.otel.bsp.schedule.delay", "0.05s"),
                Map.entry("switchboard.streams.max-open-per-session", "2")));
        return settings;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ExternalApisStub.class));
    }
}
