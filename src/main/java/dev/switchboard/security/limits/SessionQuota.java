package dev.switchboard.security.limits;

import io.smallrye.mutiny.Uni;

/**
 * Caps how many sessions one principal (an authenticated caller) holds at once, across every replica, so one caller
 * cannot fill the session store.
 *
 * <p>A session is <em>held</em> from its admission until it is released or one session TTL
 * ({@code switchboard.sessions.ttl}) has passed since its admission, whichever comes first. This is a deliberate
 * approximation: a session slides its TTL with every request and may live longer, yet it stops counting one TTL after
 * it was created. Counting exactly would mean writing to the owner's record on every request of every session (an
 * extra Redis round trip on the hot path, and in Redis Cluster the owner's key and the session's keys sit in
 * different slots, so no single script could do both). The error is in the caller's favour: a long-used session may
 * let its owner open one more than the cap, never fewer.
 *
 * <p>With {@code switchboard.session-quota.max-per-principal=0} there is no cap: every session is admitted and
 * nothing is recorded.
 */
public interface SessionQuota {

    /**
     * Records {@code sessionId} as held by {@code owner} and answers {@code true}, or answers {@code false} and
     * records nothing when the owner already holds the maximum. Admitting a session the owner already holds answers
     * {@code true} again (a retried call is not refused). Fails with
     * {@link dev.switchboard.api.StoreUnavailableException} when the store is unreachable.
     */
    Uni<Boolean> admit(String owner, String sessionId);

    /** The session ended (a client's {@code DELETE}): it no longer counts. Releasing an unknown session does nothing. */
    Uni<Void> release(String owner, String sessionId);
}
