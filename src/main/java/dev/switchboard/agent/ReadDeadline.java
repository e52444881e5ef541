package dev.switchboard.agent;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Bounds how long the calling thread reads one answer. The REST Client's read timeout stops applying once an answer's
 * headers are in, and a streamed body then blocks until data comes (up to its own fixed 100 s): an interrupt is what
 * ends that wait, so past the deadline the reading thread is interrupted. The interrupt this sets is cleared on
 * {@link #close}; one the thread had for another reason is kept.
 */
final class ReadDeadline implements AutoCloseable {

    private final Thread reader = Thread.currentThread();
    private final Vertx vertx;
    private final long timer;
    private boolean passed;
    private boolean closed;

    /** A Vert.x timer: interrupting a thread is all it does, so it may run on an event loop. */
    ReadDeadline(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> expire());
    }

    private synchronized void expire() {
        if (!closed) {
            passed = true;
            reader.interrupt();
        }
    }

    /** Whether the deadline passed before the answer was read (a failed read then means: too late). */
    synchronized boolean passed() {
        return passed;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        synchronized (this) {
            closed = true;
            if (passed) {
                Thread.interrupted(); // ours, not the caller's
            }
        }
    }
}
