package dev.switchboard.testing.tools;

import dev.switchboard.api.Tool;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two tools that answer the name of the thread they ran on: one declared non-blocking, one blocking (the default).
 * Each adds the id of its request's {@link RequestMarker}, which fails where the request's CDI context is not active,
 * and the trace it runs in: {@code <thread> in request <id> of trace <trace id>}.
 */
@ApplicationScoped
public class ThreadTools {

    private final RequestMarker request;

    public ThreadTools(RequestMarker request) {
        this.request = request;
    }

    @Tool(name = "test.thread.computing", description = "Answers its thread's name; never blocks.", blocking = false)
    public String computing() {
        return where();
    }

    @Tool(name = "test.thread.blocking", description = "Answers its thread's name; may block.")
    public String blocking() {
        return where();
    }

    private String where() {
        return Thread.currentThread().getName() + " in request " + request.id() + " of trace "
                + Span.current().getSpanContext().getTraceId();
    }
}
