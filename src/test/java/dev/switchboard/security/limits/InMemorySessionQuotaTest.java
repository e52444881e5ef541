package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The session-quota contract on the in-memory quota with a clock the test moves, plus its memory bound. */
class InMemorySessionQuotaTest extends SessionQuotaContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @Override
    protected SessionQuota quota(int maxPerPrincipal) {
        return new InMemorySessionQuota(clock, TTL, maxPerPrincipal);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void anOwnerWhoseSessionsAreReleasedIsForgotten() {
        InMemorySessionQuota quota = new InMemorySessionQuota(clock, TTL, MAX);
        quota.admit(owner, "s0").await().indefinitely();
        quota.admit(owner, "s1").await().indefinitely();
        assertEquals(1, quota.owners());
        quota.release(owner, "s0").await().indefinitely();
        quota.release(owner, "s1").await().indefinitely();
        assertEquals(0, quota.owners());
    }

    @Test
    void ownersNeverSeenAgainAreSweptAfterTheirTtl() {
        InMemorySessionQuota quota = new InMemorySessionQuota(clock, TTL, MAX);
        for (int i = 0; i < 100; i++) {
            quota.admit("gone-" + i, "s").await().indefinitely();
        }
        assertEquals(100, quota.owners());
        clock.advance(Duration.ofMinutes(1)); // the sweep interval, far past the TTL
        quota.admit("new-" + UUID.randomUUID(), "s").await().indefinitely();
        assertEquals(1, quota.owners(), "only the owner admitted after the sweep is left");
    }

    @Test
    void unlimitedRecordsNothing() {
        InMemorySessionQuota quota = new InMemorySessionQuota(clock, TTL, 0);
        quota.admit(owner, "s0").await().indefinitely();
        assertEquals(0, quota.owners());
    }
}
