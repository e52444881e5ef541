package dev.switchboard.protocol.core;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * The one way a request's work leaves its event loop for a worker thread (a tool, a resource read, a prompt, which
 * may block), carrying the two contexts an author's bean may use there: the CDI request context (request-scoped
 * beans) and the trace context (its spans are children of the request's). Mutiny operators carry no context in this
 * application: propagating contexts through every operator of every request cost about a tenth of a {@code
 * tools/call}'s CPU, so the few hops carry them themselves (see {@code application.properties}).
 */
public final class WorkerHop {

    private WorkerHop() {}

    /** Runs {@code work} on a worker thread when subscribed, in the contexts of the thread that calls this. */
    public static <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(carrying(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** {@code work}, to run on another thread in the contexts of the thread that calls this. */
    public static <T> Supplier<T> carrying(Supplier<T> work) {
        ArcContainer container = Arc.container();
        ManagedContext requestContext = container == null ? null : container.requestContext();
        InjectableContext.ContextState request =
                requestContext != null && requestContext.isActive() ? requestContext.getState() : null;
        Context trace = Context.current();
        return () -> {
            if (request != null) {
                requestContext.activate(request);
            }
            try (Scope ignored = trace.makeCurrent()) {
                return work.get();
            } finally {
                if (request != null) {
                    requestContext.deactivate();
                }
            }
        };
    }
}
