package dev.switchboard.testing.tools;

import dev.switchboard.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** Two tools that answer the name of the thread they ran on: one declared non-blocking, one blocking (the default). */
@ApplicationScoped
public class ThreadTools {

    @Tool(name = "test.thread.computing", description = "Answers its thread's name; never blocks.", blocking = false)
    public String computing() {
        return Thread.currentThread().getName();
    }

    @Tool(name = "test.thread.blocking", description = "Answers its thread's name; may block.")
    public String blocking() {
        return Thread.currentThread().getName();
    }
}
