package dev.switchboard.protocol.core;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Cancellation of one running request: a flag, callbacks, and interruption of the worker thread running it. */
public final class CallControl {

    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile boolean byClient;
    private Thread worker;

    public boolean isCancelled() {
        return cancelled;
    }

    /** True when the client cancelled: then no response may be sent. */
    public boolean cancelledByClient() {
        return byClient;
    }

    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(action);
                return;
            }
        }
        action.run();
    }

    public void cancel(boolean requestedByClient) {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            byClient = requestedByClient;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
            if (worker != null) {
                worker.interrupt();
            }
        }
        toRun.forEach(Runnable::run);
    }

    /**
     * Runs a tool's work on a worker thread bound to this control (a cancel interrupts it), in its request's contexts
     * ({@link WorkerHop}), cancelled and failed with {@link ToolTimeoutException} when it outlasts {@code timeout}.
     */
    public <T> Uni<T> onWorker(Supplier<T> work, String tool, Duration timeout) {
        return WorkerHop.run(() -> {
                    runningOn(Thread.currentThread());
                    try {
                        return work.get();
                    } finally {
                        finished();
                    }
                })
                .ifNoItem()
                .after(timeout)
                .failWith(() -> {
                    cancel(false);
                    return new ToolTimeoutException(tool, timeout);
                });
    }

    synchronized void runningOn(Thread thread) {
        worker = thread;
    }

    synchronized void finished() {
        worker = null;
        Thread.interrupted(); // a late cancel must not leave the pooled thread interrupted
    }
}
