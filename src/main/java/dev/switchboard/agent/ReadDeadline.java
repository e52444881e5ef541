package dev.switchboard.agent;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long the calling thread reads one answer. The REST Client's read timeout stops applying once an answer's
 * headers are in, and a streamed body then blocks until data comes (up to its own fixed 100 s): an interrupt is what
 * ends that wait, so past the deadline the reading thread is interrupted. The interrupt this sets is cleared on
 * {@link #close}; one the thread had for another reason is kept.
 */
final class ReadDeadline implements AutoCloseable {

    /** One daemon thread for every deadline of every run. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Thread reader = Thread.currentThread();
    private final ScheduledFuture<?> expiry;
    private boolean passed;
    private boolean closed;

    ReadDeadline(Duration timeout) {
        this.expiry = TIMER.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
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
        expiry.cancel(false);
        synchronized (this) {
            closed = true;
            if (passed) {
                Thread.interrupted(); // ours, not the caller's
            }
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "agent-read-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
