package dev.switchboard.security.limits;

import dev.switchboard.api.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Applies the {@link SessionQuota} to sessions and workspaces (both are session records) of authenticated callers.
 * Without authorization every caller is one shared principal, so there is nobody to count per principal.
 */
@Singleton
public class SessionAdmission {

    private final SessionQuota quota;
    private final int max;

    public SessionAdmission(SessionQuota quota, SessionQuotaConfig config) {
        this.quota = quota;
        this.max = config.maxPerPrincipal();
    }

    /**
     * Admits a new session or workspace of {@code principal}.
     *
     * @return a failure with {@link TooManySessionsException} when the principal holds the maximum already
     */
    public Uni<Void> admit(Principal principal, String sessionId) {
        if (!principal.authenticated()) {
            return Uni.createFrom().voidItem();
        }
        return quota.admit(principal.id(), sessionId).map(admitted -> {
            if (!admitted) {
                throw new TooManySessionsException(max);
            }
            return null;
        });
    }

    /**
     * The session of the principal with id {@code owner} ended (whoever ended it): it no longer counts. The sessions of
     * {@link Principal#OPEN}, the one caller without authorization, were never counted.
     */
    public Uni<Void> release(String owner, String sessionId) {
        return owner.equals(Principal.OPEN.id()) ? Uni.createFrom().voidItem() : quota.release(owner, sessionId);
    }

    /** A principal holds {@code switchboard.session-quota.max-per-principal} sessions and workspaces already. */
    public static final class TooManySessionsException extends RuntimeException {

        TooManySessionsException(int max) {
            super(
                    "Too many sessions: this caller already holds " + max + " sessions and workspaces"
                            + " (switchboard.session-quota.max-per-principal); end one with DELETE /mcp, or wait for one to"
                            + " expire",
                    null,
                    false,
                    false);
        }
    }
}
