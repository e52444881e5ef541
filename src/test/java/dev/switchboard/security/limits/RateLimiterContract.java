package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link RateLimiter} must share; run against each implementation. */
abstract class RateLimiterContract {

    /** 4 permits per 2 s: a burst of 4, then one permit every 500 ms. */
    static final RateLimit LIMIT = new RateLimit(4, Duration.ofSeconds(2));

    static final Duration INTERVAL = Duration.ofMillis(500);

    protected abstract RateLimiter limiter();

    /** Lets time pass for the limiter. */
    protected abstract void elapse(Duration duration);

    /** How much time may pass on its own between two acquires (zero when the test holds the clock). */
    protected abstract Duration slack();

    static String newKey() {
        return "contract:" + UUID.randomUUID();
    }

    RateDecision acquire(String key) {
        return acquire(key, LIMIT);
    }

    RateDecision acquire(String key, RateLimit limit) {
        return limiter().acquire(key, limit).await().atMost(Duration.ofSeconds(5));
    }

    void exhaust(String key) {
        for (int i = 0; i < LIMIT.permits(); i++) {
            assertTrue(acquire(key).allowed(), "permit " + (i + 1) + " of the burst");
        }
    }

    void assertRefusedFor(RateDecision decision, Duration expected) {
        assertFalse(decision.allowed(), "refused");
        assertEquals(0, decision.remaining());
        Duration wait = decision.retryAfter();
        assertTrue(
                wait.compareTo(expected) <= 0 && wait.compareTo(expected.minus(slack())) >= 0,
                "retryAfter " + wait + " should be " + expected + " (less at most " + slack() + ")");
    }

    @Test
    void aBurstGetsExactlyThePermitsThenWaitsOneInterval() {
        String key = newKey();
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < LIMIT.permits(); i++) {
            RateDecision decision = acquire(key);
            assertTrue(decision.allowed());
            assertEquals(Duration.ZERO, decision.retryAfter());
            remaining.add(decision.remaining());
        }
        assertEquals(List.of(3L, 2L, 1L, 0L), remaining);

        RateDecision refused = acquire(key);
        assertRefusedFor(refused, INTERVAL);
        assertEquals(1, refused.retryAfterSeconds(), "500 ms rounds up to a whole second for Retry-After");
    }

    @Test
    void permitsFreeOneIntervalApart() {
        String key = newKey();
        exhaust(key);

        elapse(INTERVAL.dividedBy(2));
        assertRefusedFor(acquire(key), INTERVAL.dividedBy(2));

        elapse(INTERVAL.dividedBy(2));
        assertTrue(acquire(key).allowed(), "one permit freed after one interval");
        assertRefusedFor(acquire(key), INTERVAL);

        elapse(INTERVAL.multipliedBy(2));
        assertTrue(acquire(key).allowed());
        assertTrue(acquire(key).allowed(), "two permits freed after two intervals");
        assertFalse(acquire(key).allowed());
    }

    @Test
    void refusedAcquiresTakeNothing() {
        String key = newKey();
        exhaust(key);
        for (int i = 0; i < 10; i++) {
            assertFalse(acquire(key).allowed());
        }
        elapse(INTERVAL);
        assertTrue(acquire(key).allowed(), "retrying while refused did not push the client further back");
    }

    @Test
    void anIdleBucketRefillsToTheBurstAndNoFurther() {
        String key = newKey();
        exhaust(key);
        elapse(LIMIT.window());
        exhaust(key);
        assertFalse(acquire(key).allowed(), "idle time does not save up more than the burst");
    }

    @Test
    void bucketsAreIndependent() {
        String a = newKey();
        String b = newKey();
        exhaust(a);
        exhaust(b);
        assertFalse(acquire(a).allowed());
        assertFalse(acquire(b).allowed());
    }

    @Test
    void aSlowLimitWaitsItsWholeInterval() {
        String key = newKey();
        RateLimit hourly = new RateLimit(1, Duration.ofHours(1));
        assertTrue(acquire(key, hourly).allowed());
        RateDecision refused = acquire(key, hourly);
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfter().compareTo(Duration.ofHours(1)) <= 0);
        assertTrue(refused.retryAfter().compareTo(Duration.ofHours(1).minus(slack())) >= 0);
        assertEquals(3600, refused.retryAfterSeconds());
    }

    @Test
    void concurrentAcquiresNeverPassTheLimit() throws Exception {
        String key = newKey();
        RateLimit limit = new RateLimit(50, Duration.ofHours(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                allowed.add(threads.submit(() -> {
                    int count = 0;
                    for (int i = 0; i < 25; i++) {
                        count += acquire(key, limit).allowed() ? 1 : 0;
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> future : allowed) {
                total += future.get();
            }
            assertEquals(50, total, "200 concurrent acquires, exactly the 50 permits allowed");
        } finally {
            threads.shutdownNow();
        }
    }
}
