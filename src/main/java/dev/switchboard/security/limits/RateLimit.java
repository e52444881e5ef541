package dev.switchboard.security.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code permits} acquires per {@code window}, all of which may come at once (the burst is {@code permits}).
 * After a burst one permit frees every {@link #emissionIntervalMicros() window / permits}, so the long-run rate is
 * exactly {@code permits} per {@code window}.
 */
public record RateLimit(int permits, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (permits < 1) {
            throw new IllegalArgumentException("A rate limit needs at least 1 permit, not " + permits);
        }
        if (window.toNanos() < 1_000L * permits) {
            throw new IllegalArgumentException(
                    "A rate limit's window must leave at least 1 µs per permit: " + permits + " per " + window);
        }
    }

    /**
     * How often one permit frees, in microseconds: {@code window / permits}, rounded up so that rounding never lets
     * more than {@code permits} through per window.
     */
    public long emissionIntervalMicros() {
        long windowMicros = window.toNanos() / 1_000L;
        return (windowMicros + permits - 1) / permits;
    }

    /** The limit for messages: {@code 600 per 1m}. */
    @Override
    public String toString() {
        return permits + " per " + text(window);
    }

    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
