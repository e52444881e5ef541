package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an {@link McpTool} bean: its MCP name and how it is shown to clients. The {@code *Hint} values are the
 * MCP tool annotations; their defaults are the protocol's defaults (an open-world tool that may change things).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ToolDefinition {

    /** Unique, case-sensitive name: 1-128 characters of {@code A-Z a-z 0-9 _ - .}. */
    String name();

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
     * The JSON Schema of the arguments, written out. Only for tools whose argument type is {@code JsonNode} (raw
     * arguments); record arguments get a generated schema.
     */
    String inputSchema() default "";

    /** Seconds the tool may run before it is cancelled; 0 uses {@code switchboard.tools.timeout}. */
    long timeoutSeconds() default 0;

    /** Whether a call may run as a task; see {@link Tool#taskSupport()}. */
    TaskSupport taskSupport() default TaskSupport.FORBIDDEN;
}
