package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link SessionQuota} must share; run against each implementation. */
abstract class SessionQuotaContract {

    /** The session TTL the quotas under test are built with: short, because Redis's clock runs in real time. */
    static final Duration TTL = Duration.ofMillis(2500);

    static final int MAX = 3;

    /** A quota with {@link #TTL} and the given maximum. */
    protected abstract SessionQuota quota(int maxPerPrincipal);

    /** Lets time pass for the quota. */
    protected abstract void elapse(Duration duration);

    /** An owner of its own per test: the Redis tests share one server. */
    protected final String owner = "owner-" + UUID.randomUUID();

    private static boolean admit(SessionQuota quota, String owner, String sessionId) {
        return quota.admit(owner, sessionId).await().indefinitely();
    }

    @Test
    void admitsUpToTheMaximumThenRefuses() {
        SessionQuota quota = quota(MAX);
        for (int i = 0; i < MAX; i++) {
            assertTrue(admit(quota, owner, "s" + i), "session " + i);
        }
        assertFalse(admit(quota, owner, "s" + MAX));
        assertFalse(admit(quota, owner, "s" + MAX), "a refusal records nothing, so it stays a refusal");
    }

    @Test
    void aSessionAlreadyHeldIsAdmittedAgainWithoutCountingTwice() {
        SessionQuota quota = quota(MAX);
        for (int i = 0; i < MAX; i++) {
            assertTrue(admit(quota, owner, "s" + i));
        }
        assertTrue(admit(quota, owner, "s0"), "a retried admission is not refused");
        assertFalse(admit(quota, owner, "other"));
    }

    @Test
    void releaseFreesASlot() {
        SessionQuota quota = quota(MAX);
        for (int i = 0; i < MAX; i++) {
            admit(quota, owner, "s" + i);
        }
        quota.release(owner, "s1").await().indefinitely();
        assertTrue(admit(quota, owner, "new"));
        assertFalse(admit(quota, owner, "one-more"));
    }

    @Test
    void releasingAnUnknownSessionOrOwnerDoesNothing() {
        SessionQuota quota = quota(MAX);
        quota.release("nobody-" + UUID.randomUUID(), "s0").await().indefinitely();
        for (int i = 0; i < MAX; i++) {
            admit(quota, owner, "s" + i);
        }
        quota.release(owner, "not-held").await().indefinitely();
        assertFalse(admit(quota, owner, "s" + MAX));
    }

    @Test
    void ownersAreCountedApart() {
        SessionQuota quota = quota(MAX);
        String other = "other-" + UUID.randomUUID();
        for (int i = 0; i < MAX; i++) {
            admit(quota, owner, "s" + i);
        }
        assertFalse(admit(quota, owner, "full"));
        for (int i = 0; i < MAX; i++) {
            assertTrue(admit(quota, other, "o" + i), "another owner's session " + i);
        }
        quota.release(other, "s0").await().indefinitely();
        assertFalse(admit(quota, owner, "still-full"), "releasing another owner's id frees nothing");
    }

    @Test
    void anAdmissionStopsCountingOneTtlAfterItWasMade() {
        SessionQuota quota = quota(MAX);
        assertTrue(admit(quota, owner, "old"));
        elapse(TTL.dividedBy(2));
        for (int i = 1; i < MAX; i++) {
            assertTrue(admit(quota, owner, "s" + i));
        }
        assertFalse(admit(quota, owner, "refused"));
        // Past the first admission's TTL, within the others'.
        elapse(TTL.dividedBy(2).plusMillis(200));
        assertTrue(admit(quota, owner, "replaces-old"));
        assertFalse(admit(quota, owner, "refused-again"), "the later admissions still count");
    }

    @Test
    void concurrentAdmissionsNeverExceedTheMaximum() throws Exception {
        SessionQuota quota = quota(MAX);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "c" + i;
                calls.add(() -> admit(quota, owner, id));
            }
            int admitted = 0;
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                admitted += result.get() ? 1 : 0;
            }
            assertEquals(MAX, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void zeroMeansUnlimited() {
        SessionQuota quota = quota(0);
        for (int i = 0; i < 50; i++) {
            assertTrue(admit(quota, owner, "s" + i));
        }
        quota.release(owner, "s0").await().indefinitely();
    }
}
