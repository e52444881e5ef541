package dev.switchboard.testing.tools;

import dev.switchboard.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two tools that answer the name of the thread they ran on: one declared non-blocking, one blocking (the default).
 * Each adds the id of its request's {@link RequestMarker}, which fails where the request's CDI context is not active.
 */
@ApplicationScoped
public class ThreadTools {

    private final RequestMarker request;

    public ThreadTools(RequestMarker request) {
        this.request = request;
    }

    @Tool(name = "test.thread.computing", description = "Answers its thread's name; never blocks.", blocking = false)
    public String computing() {
        return Thread.currentThread().getName() + " in request " + request.id();
    }

    @Tool(name = "test.thread.blocking", description = "Answers its thread's name; may block.")
    public String blocking() {
        return Thread.currentThread().getName() + " in request " + request.id();
    }
}
