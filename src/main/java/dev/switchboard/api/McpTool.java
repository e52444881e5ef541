package dev.switchboard.api;

/**
 * A tool as a class: the other form of {@link Tool}, for a tool that decides at run time whether it blocks
 * ({@link #blocking}), or that reads better as a class of its own. Implement it in a CDI bean class annotated with
 * {@link Tool}; the build describes it like a {@code @Tool} method, so there is nothing to register.
 *
 * <p>{@code A} is a record of the arguments: its JSON Schema ({@code inputSchema}) is generated from the record
 * components, their {@link Description}s and Jakarta Validation constraints, and the arguments are validated before
 * {@link #call} runs. Use {@link NoArguments} for a tool without arguments.
 *
 * <p>{@code R} decides the result shape as a {@code @Tool} method's return type does: a record becomes
 * {@code structuredContent} (with an {@code outputSchema} and a JSON text copy for older clients); a {@link String}
 * becomes text content; a {@link ToolResult} is sent as it is.
 *
 * <p>{@link #call} runs on a worker thread and may block, unless the tool says it does not ({@link #blocking}). Throw
 * {@link ToolException} for failures the model should read and act on.
 */
public interface McpTool<A, R> {

    R call(A arguments, ToolContext context);

    /**
     * Whether {@link #call} may block: wait on I/O, a lock, or the client. A tool that only computes returns false
     * and runs on the request's own (event-loop) thread, without the hop to a worker and back; it must then never
     * block. It cannot ask the client for input (that waits for the answer), and progress it reports is not sent
     * (sending may wait on the session's event log). Read once, at start-up.
     */
    default boolean blocking() {
        return true;
    }
}
