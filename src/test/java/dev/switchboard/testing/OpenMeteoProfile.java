package dev.switchboard.testing;

import java.time.Duration;
import java.util.Map;

/**
 * {@code weather.get} on the Open-Meteo provider (played by {@link OpenMeteoStub}), with sessions in memory, a
 * 500 ms request timeout, answers cached for 3 s, quick retries and a circuit breaker that opens after 4 failed
 * requests and stays open for the rest of a test.
 */
public class OpenMeteoProfile implements io.quarkus.test.junit.QuarkusTestProfile {

    /** The fault-tolerance settings of the Open-Meteo calls. */
    private static final String GUARDS =
            "quarkus.fault-tolerance.\"dev.switchboard.builtin.weather.openmeteo.OpenMeteoApi\".";

    public static final int TIMEOUT_MILLIS = 500;
    public static final int MAX_RETRIES = 2;
    public static final int CIRCUIT_VOLUME = 4;
    public static final Duration CACHE_TTL = Duration.ofSeconds(3);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("switchboard.weather.provider", "open-meteo"),
                Map.entry("switchboard.weather.timeout", TIMEOUT_MILLIS + "ms"),
                Map.entry("switchboard.weather.cache-ttl", CACHE_TTL.toMillis() + "ms"),
                Map.entry("switchboard.sessions.store", "memory"),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:1"),
                Map.entry(GUARDS + "retry.max-retries", Integer.toString(MAX_RETRIES)),
                Map.entry(GUARDS + "retry.delay", "10"),
                Map.entry(GUARDS + "retry.jitter", "0"),
                Map.entry(GUARDS + "circuit-breaker.request-volume-threshold", Integer.toString(CIRCUIT_VOLUME)),
                Map.entry(GUARDS + "circuit-breaker.delay", "10"),
                Map.entry(GUARDS + "circuit-breaker.delay-unit", "minutes"));
    }
}
