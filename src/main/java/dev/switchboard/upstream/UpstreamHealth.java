package dev.switchboard.upstream;

import dev.switchboard.http.ShownUrls;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * How one upstream is doing, as this replica sees it: what it lists, the calls sent to it, and the circuit breaker
 * that stops sending them for a while when most of the latest failed, so a dead upstream costs its callers no wait.
 */
final class UpstreamHealth {

    private final String name;
    private final String endpoint;
    private final long delaySeconds;
    private final Guard guard;
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;
    private volatile Listed listed;
    private volatile String problem;
    private volatile String revision;

    /** What was last mounted, and whether it came from the upstream or from the last known list. */
    record Listed(UpstreamListing listing, Instant readAt, boolean lastKnown) {}

    UpstreamHealth(String name, UpstreamConfig.Upstream config) {
        this.name = name;
        this.endpoint = ShownUrls.withoutSecrets(config.url());
        this.delaySeconds = config.breaker().delay().toSeconds();
        this.guard = Guard.create()
                .withDescription("upstream " + name)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breaker().window())
                .failureRatio(config.breaker().failureRatio())
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .when(UpstreamHealth::isFailure)
                .onStateChange(state -> circuit = state)
                .done()
                .build();
    }

    /** No usable answer: the upstream could not be reached, timed out or answered garbage (not a JSON-RPC error). */
    private static boolean isFailure(Throwable failure) {
        return failure instanceof UpstreamException && !(failure instanceof UpstreamRefusal);
    }

    /**
     * Sends a call through the circuit breaker, counting it.
     *
     * @throws UpstreamException when the call fails, or at once while the breaker is open
     */
    <T> T call(Supplier<T> action, Class<T> type) {
        long start = System.nanoTime();
        calls.increment();
        try {
            return guard.get(action, type);
        } catch (RuntimeException e) {
            errors.increment();
            if (e instanceof CircuitBreakerOpenException) {
                throw new UpstreamException("Upstream '" + name + "' is unavailable: most of its latest calls failed,"
                        + " so calls to it are paused for " + delaySeconds + " s");
            }
            throw e;
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    void listed(UpstreamListing listing, Instant readAt, boolean lastKnown) {
        this.listed = new Listed(listing, readAt, lastKnown);
        if (!lastKnown) {
            problem = null;
        }
    }

    /** The revision the upstream was last spoken to in. */
    void speaks(String revision) {
        this.revision = revision;
    }

    void unreachable(String problem) {
        this.problem = problem;
    }

    /** Whether anything is mounted yet (read from the upstream or from the last known list). */
    boolean hasListing() {
        return listed != null;
    }

    UpstreamStatus status() {
        Listed now = listed;
        UpstreamListing listing = now == null ? new UpstreamListing(null, null, null, null) : now.listing();
        long count = calls.sum();
        return new UpstreamStatus(
                name,
                endpoint,
                state(now),
                circuit.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                revision,
                listing.tools().size(),
                listing.resources().size(),
                listing.resourceTemplates().size(),
                listing.prompts().size(),
                now == null ? null : now.readAt(),
                now != null && now.lastKnown(),
                problem,
                count,
                errors.sum(),
                count == 0 ? null : Math.round(nanos.sum() / (double) count / 10_000.0) / 100.0);
    }

    private String state(Listed now) {
        if (circuit == CircuitBreakerState.OPEN || problem != null) {
            return "unavailable";
        }
        return now == null ? "starting" : "available";
    }
}
