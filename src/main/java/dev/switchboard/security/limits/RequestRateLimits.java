package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The per-principal and per-session limits of {@code switchboard.rate-limit}, applied to one request. The transport
 * calls {@link #admit} before serving a request.
 *
 * <p>When the limiter's store cannot be reached the request is let through (fail open) and a warning is logged at
 * most once a minute: the limits protect against a client that sends too much, and a Redis outage should not also
 * stop the requests that do not need Redis (a 2026-07-28 call touches no store).
 */
// At start-up, so limits that cannot work (more permits than microseconds in the window) stop the start, not requests.
@Startup
@ApplicationScoped
public class RequestRateLimits {

    private static final Logger LOG = Logger.getLogger(RequestRateLimits.class);
    private static final String PER_PRINCIPAL = "switchboard.rate-limit.per-principal";
    private static final String PER_SESSION = "switchboard.rate-limit.per-session";
    private static final RateDecision UNLIMITED = RateDecision.allowed(Long.MAX_VALUE);
    private static final Uni<RateDecision> NO_BUCKET = Uni.createFrom().item(UNLIMITED);
    private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final RateLimiter limiter;
    private final boolean enabled;
    private final RateLimit perPrincipal;
    private final RateLimit perSession;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    @Inject
    RequestRateLimits(RateLimiter limiter, SwitchboardConfig config) {
        this(limiter, config.rateLimit());
    }

    public RequestRateLimits(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
        this.perPrincipal = new RateLimit(config.perPrincipal(), config.window());
        this.perSession = new RateLimit(config.perSession(), config.window());
    }

    /**
     * Takes one permit from the principal's bucket and one from the session's, in parallel (one round trip to
     * Redis). Either may be {@code null}: no authenticated principal, or no session (2026-07-28, {@code
     * initialize}), and then that bucket is not consulted. The principal is the token's stable subject, the session
     * the {@code Mcp-Session-Id} the server minted.
     *
     * @return completes when the request may go on; fails with {@link RateLimitedException} naming the bucket that
     *     would make the client wait longer
     */
    public Uni<Void> admit(String principal, String sessionId) {
        if (!enabled || (principal == null && sessionId == null)) {
            return Uni.createFrom().voidItem();
        }
        Uni<RateDecision> byPrincipal = principal == null ? NO_BUCKET : acquire("principal:" + principal, perPrincipal);
        Uni<RateDecision> bySession = sessionId == null ? NO_BUCKET : acquire("session:" + sessionId, perSession);
        return Uni.combine()
                .all()
                .unis(byPrincipal, bySession)
                .asTuple()
                .invoke(decisions -> refuse(decisions.getItem1(), decisions.getItem2()))
                .replaceWithVoid();
    }

    private void refuse(RateDecision principal, RateDecision session) {
        if (!principal.allowed() && principal.retryAfter().compareTo(session.retryAfter()) >= 0) {
            throw new RateLimitedException("principal", perPrincipal, PER_PRINCIPAL, principal.retryAfter());
        }
        if (!session.allowed()) {
            throw new RateLimitedException("session", perSession, PER_SESSION, session.retryAfter());
        }
    }

    private Uni<RateDecision> acquire(String key, RateLimit limit) {
        return limiter.acquire(key, limit).onFailure().recoverWithItem(failure -> {
            long now = System.nanoTime();
            long next = nextWarning.get();
            if (now - next >= 0 && nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
                LOG.warnf("Rate limits are not enforced while the %s store fails: %s", limiter.kind(), failure);
            }
            return UNLIMITED;
        });
    }
}
