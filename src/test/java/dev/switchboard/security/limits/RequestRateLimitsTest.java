package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.session.SessionStoreUnavailableException;
import dev.switchboard.testing.MutableClock;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-principal and per-session limits applied to requests. */
class RequestRateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, 1000);

    private record Settings(boolean enabled, int perPrincipal, int perSession, Duration window, int memoryMaxBuckets)
            implements RateLimitConfig {}

    private static RequestRateLimits limits(RateLimiter limiter, boolean enabled) {
        return new RequestRateLimits(limiter, new Settings(enabled, 3, 2, Duration.ofMinutes(1), 1000));
    }

    private static void admit(RequestRateLimits limits, String principal, String session) {
        limits.admit(principal, session).await().indefinitely();
    }

    @Test
    void aSessionGetsItsAllowanceThenATellingRefusal() {
        RequestRateLimits limits = limits(limiter, true);
        admit(limits, null, "s1");
        admit(limits, null, "s1");
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> admit(limits, null, "s1"));
        assertEquals(Duration.ofSeconds(30), refused.retryAfter(), "2 per minute: one every 30 s");
        assertEquals(30, refused.retryAfterSeconds());
        assertEquals(
                "Too many requests: this session may send 2 requests per 1m (switchboard.rate-limit.per-session);"
                        + " retry in 30 s",
                refused.getMessage());
    }

    @Test
    void aPrincipalSharesItsAllowanceOverItsSessions() {
        RequestRateLimits limits = limits(limiter, true);
        admit(limits, "alice", "s1");
        admit(limits, "alice", "s2");
        admit(limits, "alice", null);
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> admit(limits, "alice", "s3"));
        assertTrue(refused.getMessage().contains("switchboard.rate-limit.per-principal"), refused.getMessage());
        admit(limits, "bob", "s4"); // another principal has its own allowance
    }

    @Test
    void theBucketThatWaitsLongerIsNamed() {
        RequestRateLimits limits = limits(limiter, true);
        admit(limits, "carol", "s1");
        admit(limits, "carol", "s1");
        admit(limits, "carol", null);
        // Both empty now: the session frees a permit in 30 s, the principal (3 per minute) in 20 s.
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> admit(limits, "carol", "s1"));
        assertEquals(Duration.ofSeconds(30), refused.retryAfter());
    }

    @Test
    void offOrAnonymousWithoutSessionNothingIsCounted() {
        RequestRateLimits off = limits(limiter, false);
        RequestRateLimits on = limits(limiter, true);
        for (int i = 0; i < 100; i++) {
            admit(off, "dave", "s1");
            admit(on, null, null);
        }
        assertEquals(0, limiter.size());
    }

    @Test
    void anUnreachableStoreLetsRequestsThrough() {
        RateLimiter down = new RateLimiter() {
            @Override
            public Uni<RateDecision> acquire(String key, RateLimit limit) {
                return Uni.createFrom()
                        .failure(new SessionStoreUnavailableException("redis", new IOException("connection refused")));
            }

            @Override
            public String kind() {
                return "redis";
            }
        };
        RequestRateLimits limits = limits(down, true);
        for (int i = 0; i < 10; i++) {
            admit(limits, "erin", "s1");
        }
    }
}
