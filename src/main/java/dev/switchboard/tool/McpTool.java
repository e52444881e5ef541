package dev.switchboard.tool;

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
 * <p>{@link #call} runs on a worker thread and may block. Throw {@link ToolException} for failures the model should
 * read and act on. Annotate the tool class with {@code @RegisterForReflection} so its nested argument and result
 * records keep their reflection data in a native image; start-up fails with a clear message when it is missing.
 */
public interface McpTool<A, R> {

    R call(A arguments, ToolContext context);
}
