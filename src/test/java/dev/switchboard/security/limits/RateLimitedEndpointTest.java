package dev.switchboard.security.limits;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code /mcp} refuses a session that sends more than its limit with 429, {@code Retry-After} and -32029. */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitedEndpointTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Inject
    RateLimiter limiter;

    @Test
    void aSessionOverItsLimitIsToldWhenToRetry() {
        assertEquals("redis", limiter.kind()); // the Redis store brings the limiter every replica shares
        int limit = SmallLimitsProfile.REQUESTS_PER_SESSION;
        String session = Mcp.initialize(); // initialize opens the session: its bucket starts with the next request
        for (int i = 0; i < limit; i++) {
            Mcp.post(session, PING).statusCode(200);
        }
        String retryAfter = Mcp.post(session, PING)
                .statusCode(429)
                .body("error.code", equalTo(-32029))
                .body("error.message", containsString("switchboard.rate-limit.per-session"))
                .extract()
                .header("Retry-After");
        // One request frees every window / limit, counted from the first of the burst.
        long seconds = Long.parseLong(retryAfter);
        long interval = SmallLimitsProfile.RATE_WINDOW.toSeconds() / limit;
        assertTrue(seconds >= interval - 5 && seconds <= interval, "Retry-After " + retryAfter);
        // Another session has its own bucket.
        Mcp.post(Mcp.initialize(), PING).statusCode(200);
    }
}
