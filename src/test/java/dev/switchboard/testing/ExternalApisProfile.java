package dev.switchboard.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service with every external API configured, as in production with keys: {@code weather.get} on Open-Meteo and
 * {@code search} on Brave Search, both played by {@link ExternalApisStub}, and the agent's model API at an address
 * where nothing listens. Sessions stay in memory (no Redis). Open-Meteo calls time out after 500 ms, answers are
 * cached for 3 s, retries are quick and the circuit breaker opens after 4 failed requests and stays open for the rest
 * of a test; Brave requests time out after 1.5 s, well above a cold first request. What the service logs goes to a
 * file ({@link ProfileLog}) as well.
 */
public class ExternalApisProfile implements io.quarkus.test.junit.QuarkusTestProfile {

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
        Map<String, String> settings = new HashMap<>(ProfileLog.settings(ExternalApisProfile.class));
        settings.putAll(Map.ofEntries(
                Map.entry("switchboard.sessions.store", "memory"),
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
                Map.entry("switchboard.agent.api-key", OPENAI_KEY)));
        return settings;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ExternalApisStub.class));
    }
}
