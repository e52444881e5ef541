package dev.switchboard.stream;

import dev.switchboard.concurrent.RoundTripLock;
import java.util.function.Supplier;

/**
 * A stream as this replica sees it: the client connection it holds (or none), and the last event written to it, so
 * a replay and a forward that overlap write each event once and in order.
 *
 * <p>Its lock is held across event-log round trips (append, replay), so an event loop never waits for it
 * ({@link RoundTripLock}): before, an event could go out unlogged, or a resumed stream stay silent. Event-loop callers
 * use {@link #tryLock} or {@link #whenFree}.
 */
final class LiveStream {
    private final RoundTripLock lock = new RoundTripLock();
    StreamConnection connection;
    String lastDelivered;

    LiveStream(StreamConnection connection) {
        this.connection = connection;
    }

    /** Runs {@code action} holding the lock, waiting for it: call from a worker thread. */
    <T> T locked(Supplier<T> action) {
        return lock.locked(action);
    }

    /** Runs {@code action} holding the lock, waiting for it: call from a worker thread. */
    void locked(Runnable action) {
        lock.locked(action);
    }

    /** Takes the lock if it is free; the caller unlocks. */
    boolean tryLock() {
        return lock.tryLock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Runs {@code action} holding the lock: now when it is free, else on a worker thread. Never waits. */
    void whenFree(Runnable action) {
        lock.runWhenFree(action);
    }

    /** True when the log has an entry between the last event this connection got and {@code event}. */
    boolean missedBefore(StreamEvent event) {
        return connection != null
                && lastDelivered != null
                && event.previousId() != null
                && EventIds.compare(event.previousId(), lastDelivered) > 0;
    }

    /** Writes an event unless this connection already had it (a replay and a forward may overlap). */
    void deliver(StreamEvent event) {
        if (connection == null) {
            return;
        }
        if (lastDelivered != null && EventIds.compare(event.id(), lastDelivered) <= 0) {
            return;
        }
        connection.deliver(event);
        lastDelivered = event.id();
    }

    /** Closes the connection, if any. Called with the lock held (by {@link #locked} or {@link #whenFree}). */
    void detachAndClose() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
