package dev.switchboard.protocol.core;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
     * Runs a tool's work on a worker thread bound to this control (a cancel interrupts it), cancelled and failed with
     * {@link ToolTimeoutException} when it outlasts {@code timeout}. The request's CDI request context goes with it,
     * so a tool can use request-scoped beans there: this is the one thread hop a tool makes, and Mutiny operators do
     * not carry CDI contexts ({@code quarkus.arc.context-propagation.enabled=false}, which spared every request a
     * context snapshot per operator).
     */
    public <T> Uni<T> onWorker(Supplier<T> work, String tool, Duration timeout) {
        ArcContainer container = Arc.container();
        ManagedContext requestContext = container == null ? null : container.requestContext();
        InjectableContext.ContextState request =
                requestContext != null && requestContext.isActive() ? requestContext.getState() : null;
        return Uni.createFrom()
                .item(() -> {
                    runningOn(Thread.currentThread());
                    if (request != null) {
                        requestContext.activate(request);
                    }
                    try {
                        return work.get();
                    } finally {
                        if (request != null) {
                            requestContext.deactivate();
                        }
                        finished();
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
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
