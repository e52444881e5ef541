package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limiter contract on a clock the test moves, plus the cap on how many buckets are kept. */
class InMemoryRateLimiterTest extends RateLimiterContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, 100);

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected Duration slack() {
        return Duration.ZERO;
    }

    @Test
    void fullBucketsAreDroppedFirstWhenTheCapIsReached() {
        for (int i = 0; i < 99; i++) {
            acquire("idle:" + i);
        }
        elapse(LIMIT.window()); // the 99 buckets are full again: nothing to remember
        String busy = newKey();
        exhaust(busy);
        assertTrue(limiter.size() == 100);

        acquire(newKey()); // past the cap: the sweep drops the 99 full buckets, not the busy one
        assertTrue(limiter.size() <= 2, "full buckets dropped, size " + limiter.size());
        assertFalse(acquire(busy).allowed(), "the busy bucket kept its state");
    }

    @Test
    void theMapNeverGrowsPastTheCap() {
        for (int i = 0; i < 1000; i++) {
            acquire("busy:" + i); // none of them full: the sweep has to drop live buckets
        }
        assertTrue(limiter.size() <= 100, "size " + limiter.size());
    }
}
