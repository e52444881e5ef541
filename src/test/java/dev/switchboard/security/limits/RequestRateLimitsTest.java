package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.Principal;
import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.testing.MutableClock;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-principal limit applied to requests (the per-session one is in the session store's contract). */
class RequestRateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, 1000);

    private record Settings(boolean enabled, int perPrincipal, int perSession, Duration window, int memoryMaxBuckets)
            implements RateLimitConfig {}

    private static RequestRateLimits limits(RateLimiter limiter, boolean enabled) {
        return new RequestRateLimits(limiter, new Settings(enabled, 3, 2, Duration.ofMinutes(1), 1000));
    }

    private static void admit(RequestRateLimits limits, String principal) {
        limits.admit(principal == null ? Principal.OPEN : new Principal(principal, Set.of(), true))
                .await()
                .indefinitely();
    }

    @Test
    void aPrincipalGetsItsAllowanceThenATellingRefusal() {
        RequestRateLimits limits = limits(limiter, true);
        admit(limits, "alice");
        admit(limits, "alice");
        admit(limits, "alice");
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> admit(limits, "alice"));
        assertEquals(Duration.ofSeconds(20), refused.retryAfter(), "3 per minute: one every 20 s");
        assertEquals(20, refused.retryAfterSeconds());
        assertEquals(
                "Too many requests: this principal may send 3 requests per 1m (switchboard.rate-limit.per-principal);"
                        + " retry in 20 s",
                refused.getMessage());
        admit(limits, "bob"); // another principal has its own allowance
        clock.advance(Duration.ofSeconds(20));
        admit(limits, "alice");
    }

    @Test
    void offOrAnonymousNothingIsCounted() {
        RequestRateLimits off = limits(limiter, false);
        RequestRateLimits on = limits(limiter, true);
        for (int i = 0; i < 100; i++) {
            admit(off, "dave");
            admit(on, null);
        }
        assertEquals(0, limiter.size());
    }

    @Test
    void anUnreachableStoreLetsRequestsThrough() {
        RateLimiter down = new RateLimiter() {
            @Override
            public Uni<RateDecision> acquire(String key, RateLimit limit) {
                return Uni.createFrom()
                        .failure(new StoreUnavailableException(
                                "The Redis store is unavailable", new IOException("connection refused")));
            }

            @Override
            public String kind() {
                return "redis";
            }
        };
        RequestRateLimits limits = limits(down, true);
        for (int i = 0; i < 10; i++) {
            admit(limits, "erin");
        }
    }
}
