package dev.switchboard.security.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to one {@link RateLimiter#acquire}.
 *
 * @param allowed whether the permit was taken
 * @param remaining how many more acquires the bucket would allow right now (approximate: other replicas take permits
 *     too); zero when refused
 * @param retryAfter zero when allowed; when refused, how long until one permit frees
 */
public record RateDecision(boolean allowed, long remaining, Duration retryAfter) {

    public RateDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (allowed != retryAfter.isZero()) {
            throw new IllegalArgumentException("An allowed decision waits zero, a refused one more: " + retryAfter);
        }
    }

    public static RateDecision allowed(long remaining) {
        return new RateDecision(true, remaining, Duration.ZERO);
    }

    public static RateDecision refused(Duration retryAfter) {
        return new RateDecision(false, 0, retryAfter);
    }

    /**
     * {@link #retryAfter} for a {@code Retry-After} header, which counts whole seconds: rounded up, so a client that
     * waits that long finds a permit (0 when allowed, at least 1 when refused).
     */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    static long seconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
