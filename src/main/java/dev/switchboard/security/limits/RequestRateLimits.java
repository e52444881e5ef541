package dev.switchboard.security.limits;

import dev.switchboard.api.Principal;
import dev.switchboard.session.Allowance;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The per-principal limit of {@code switchboard.rate-limit}, applied to one request. The transport
 * calls {@link #admit} before serving a request.
 *
 * <p>When the limiter's store cannot be reached the request is let through (fail open) and a warning is logged at
 * most once a minute: the limits protect against a client that sends too much, and a Redis outage should not also
 * stop the requests that do not need Redis (a 2026-07-28 call touches no store).
 */
// At start-up, so limits that cannot work (more permits than microseconds in the window) stop the start, not requests.
@Startup
@Singleton
public class RequestRateLimits {

    private static final Logger LOG = Logger.getLogger(RequestRateLimits.class);
    private static final String PER_PRINCIPAL = "switchboard.rate-limit.per-principal";
    private static final String PER_SESSION = "switchboard.rate-limit.per-session";
    private static final Uni<Void> ADMITTED = Uni.createFrom().voidItem();
    private static final RateDecision UNLIMITED = RateDecision.allowed(Long.MAX_VALUE);
    private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final RateLimiter limiter;
    private final boolean enabled;
    private final RateLimit perPrincipal;
    private final RateLimit perSession;
    private final Allowance sessionAllowance;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    @Inject
    public RequestRateLimits(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
        this.perPrincipal = new RateLimit(config.perPrincipal(), config.window());
        this.perSession = new RateLimit(config.perSession(), config.window());
        this.sessionAllowance =
                enabled ? new Allowance(perSession.emissionIntervalMicros(), perSession.permits()) : null;
    }

    /**
     * Takes one permit from the principal's bucket (one round trip to Redis). Without authorization there is no
     * principal to count ({@link Principal#OPEN}), and nothing is consulted. A session's own allowance
     * ({@link #sessionAllowance}) is kept in the session record and taken when the session is loaded, so it costs no
     * round trip here.
     *
     * @return completes when the request may go on; fails with {@link RateLimitedException} when the principal's
     *     allowance is used up
     */
    public Uni<Void> admit(Principal principal) {
        if (!enabled || !principal.authenticated()) {
            return ADMITTED;
        }
        return acquire("principal:" + principal.id(), perPrincipal)
                .invoke(decision -> {
                    if (!decision.allowed()) {
                        throw new RateLimitedException("principal", perPrincipal, PER_PRINCIPAL, decision.retryAfter());
                    }
                })
                .replaceWithVoid();
    }

    /** Each session's allowance, taken by {@code SessionStore.touch}; null when rate limits are off. */
    public Allowance sessionAllowance() {
        return sessionAllowance;
    }

    /**
     * Serves a request once it is {@link #admit admitted}: {@code request} runs at once when nothing is counted, so
     * such requests pay for no extra Mutiny operator.
     */
    public <T> Uni<T> admitThen(Principal principal, Supplier<Uni<T>> request) {
        Uni<Void> admitted = admit(principal);
        return admitted == ADMITTED ? request.get() : admitted.chain(request::get);
    }

    /** The refusal of a request whose session used up its allowance. */
    public RateLimitedException sessionLimited(Duration retryAfter) {
        return new RateLimitedException("session", perSession, PER_SESSION, retryAfter);
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
