package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a CDI bean an MCP tool; a bean may declare several. Nothing else is needed: the build
 * finds the method, generates its JSON Schemas and native-image reflection data, and start-up binds it to the bean.
 *
 * <p><b>Arguments</b> are the method's parameters, named as in the source (compile with {@code -parameters}), each
 * described by {@link Description} and checked by its Jakarta Validation constraints before the method runs; an
 * {@code Optional} parameter may be left out. A parameter of type {@link ToolContext} receives the call's context and
 * is not an argument. A method whose only argument parameter is a record takes the record's components as its
 * arguments instead.
 *
 * <p><b>The result</b> follows the return type: a record or class becomes {@code structuredContent} with an
 * {@code outputSchema} (and a JSON text copy for older clients); a list, number or other non-object value is wrapped
 * as {@code {"result": ...}}; a {@link String} becomes text content; a {@link ToolResult} is sent as it is.
 *
 * <p>The method runs on a worker thread and may block, unless {@link #blocking} says it does not. Throw
 * {@link ToolException} for failures the model should read and act on. The {@code *Hint} values are the MCP tool
 * annotations; their defaults are the protocol's (an open-world tool that may change things).
 *
 * <p>On a class implementing {@link McpTool} the same annotation declares that class as one tool (its arguments are
 * the {@code McpTool}'s argument type): it must then give {@link #name}, says whether it blocks by overriding
 * {@link McpTool#blocking()}, and, for raw {@code JsonNode} arguments, writes out its {@link #inputSchema}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Tool {

    /**
     * Unique, case-sensitive name: 1-128 characters of {@code A-Z a-z 0-9 _ - .}. Empty (the default): the method's
     * name, e.g. {@code nightsAway}; name it to group tools ({@code weather.get}).
     */
    String name() default "";

    /** Human-readable name; empty for none. */
    String title() default "";

    /** What the tool does, written for the model that decides whether to call it. */
    String description();

    /** The tool does not change its environment. */
    boolean readOnly() default false;

    /** The tool may destroy or overwrite data (only meaningful when not read-only). */
    boolean destructive() default true;

    /** Calling it twice with the same arguments has no further effect. */
    boolean idempotent() default false;

    /** The tool reaches outside systems (the web, third-party APIs). */
    boolean openWorld() default true;

    /** Icon URLs (https or data URIs) a client may show. */
    String[] icons() default {};

    /**
     * The JSON Schema of the arguments, written out: only for an {@link McpTool} class whose argument type is
     * {@code JsonNode} (raw arguments). Everywhere else the schema is generated from the parameters or the record.
     */
    String inputSchema() default "";

    /** Seconds the tool may run before it is cancelled; 0 uses {@code switchboard.tools.timeout}. */
    long timeoutSeconds() default 0;

    /**
     * Whether the method may block: wait on I/O, a lock, or the client. A tool that only computes says false and runs
     * on the request's own (event-loop) thread, without the hop to a worker and back; it must then never block, cannot
     * ask the client for input, and the progress it reports is not sent (both may wait on the session's stream).
     */
    boolean blocking() default true;

    /**
     * Whether a call may run as a task (answered at once with a task id, polled until done), for work that outlives a
     * request. Progress then becomes the task's status message and input requests move it to {@code input_required}.
     */
    TaskSupport taskSupport() default TaskSupport.FORBIDDEN;
}
