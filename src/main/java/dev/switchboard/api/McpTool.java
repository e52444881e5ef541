package dev.switchboard.api;

/**
 * A tool an MCP client can call. Implement it in one CDI bean class annotated with {@link ToolDefinition}; the
 * registry finds every such bean, so there is nothing to register.
 *
 * <p>{@code A} is a record of the arguments: its JSON Schema ({@code inputSchema}) is generated from the record
 * components, their {@link Description}s and Jakarta Validation constraints, and the arguments are validated before
 * {@link #call} runs. Use {@link NoArguments} for a tool without arguments.
 *
 * <p>{@code R} decides the result shape: a record becomes {@code structuredContent} (with an {@code outputSchema}
 * and a JSON text copy for older clients); a {@link String} becomes text content; a {@link ToolResult} is sent as
 * it is.
 *
 * <p>{@link #call} runs on a worker thread and may block, unless the tool says it does not ({@link #blocking}). Throw {@link ToolException} for failures the model should
 * read and act on. Annotate the tool class with {@code @RegisterForReflection} so its nested argument and result
 * records keep their reflection data in a native image; start-up fails with a clear message when it is missing.
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
