package dev.switchboard.security.limits;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /mcp} refuses a session that sends more than its limit with 429, {@code Retry-After} and -32029. */
@QuarkusTest
@TestProfile(RateLimitedEndpointTest.SmallLimits.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitedEndpointTest {

    /** Five requests per session per minute. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.rate-limit.enabled", "true", "switchboard.rate-limit.per-session", "5");
        }
    }

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Inject
    RateLimiter limiter;

    @Test
    void aSessionOverItsLimitIsToldWhenToRetry() {
        assertEquals("redis", limiter.kind()); // the Redis store brings the limiter every replica shares
        String session = Mcp.initialize();
        for (int i = 0; i < 5; i++) {
            Mcp.post(session, PING).statusCode(200);
        }
        String retryAfter = Mcp.post(session, PING)
                .statusCode(429)
                .body("error.code", equalTo(-32029))
                .body("error.message", containsString("switchboard.rate-limit.per-session"))
                .extract()
                .header("Retry-After");
        // One request frees every 60 s / 5 = 12 s, counted from the first of the burst.
        int seconds = Integer.parseInt(retryAfter);
        org.junit.jupiter.api.Assertions.assertTrue(seconds >= 1 && seconds <= 12, "Retry-After " + retryAfter);
        // Another session has its own bucket.
        Mcp.post(Mcp.initialize(), PING).statusCode(200);
    }
}
