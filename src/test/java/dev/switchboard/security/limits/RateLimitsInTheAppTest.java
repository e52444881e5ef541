package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The application picks the Redis limiter with the Redis store, with the documented defaults. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitsInTheAppTest {

    @Inject
    RateLimiter limiter;

    @Inject
    RequestRateLimits limits;

    @Inject
    SwitchboardConfig config;

    @Test
    void theRedisStoreGetsTheRedisLimiterWithGenerousDefaults() {
        assertEquals("redis", limiter.kind());
        RateLimitConfig rateLimit = config.rateLimit();
        assertTrue(rateLimit.enabled());
        assertEquals(600, rateLimit.perPrincipal());
        assertEquals(300, rateLimit.perSession());
        assertEquals(Duration.ofMinutes(1), rateLimit.window());

        String session = UUID.randomUUID().toString();
        long began = System.nanoTime();
        int admitted = 0;
        RateLimitedException refused = null;
        while (refused == null && admitted < 400) {
            try {
                limits.admit("principal-" + session, session).await().atMost(Duration.ofSeconds(5));
                admitted++;
            } catch (RateLimitedException e) {
                refused = e;
            }
        }
        long refilled = Duration.ofNanos(System.nanoTime() - began).toMillis() / 200 + 1; // one per 200 ms
        assertTrue(admitted >= 300 && admitted <= 300 + refilled, admitted + " admitted, " + refilled + " refilled");
        assertTrue(refused.getMessage().contains("switchboard.rate-limit.per-session"), refused.getMessage());
        assertEquals(1, refused.retryAfterSeconds());
    }
}
