package dev.switchboard.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition that another thread or process makes true, failing the test when it is not met in time (10 s
 * unless said otherwise). Waiting for the condition itself, rather than sleeping for as long as it usually takes, is
 * both faster and safe on a loaded machine.
 */
public final class Await {

    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;

    private Await() {}

    /**
     * Lets real time pass, where nothing can be polled: a TTL that a later request would renew (sessions), or a clock
     * the test cannot move (Redis's, a cache's).
     */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void until(BooleanSupplier condition) {
        until(DEFAULT_LIMIT, () -> "condition not met within " + DEFAULT_LIMIT.toSeconds() + " s", condition);
    }

    /**
     * Polls {@code condition} until it holds; an exception it throws ends the wait at once (e.g. the process it waits
     * for has died).
     *
     * @param failure the message of the {@link AssertionError} when {@code limit} passes first
     */
    public static void until(Duration limit, Supplier<String> failure, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure.get());
            }
            sleep(Duration.ofMillis(POLL_MILLIS));
        }
    }
}
