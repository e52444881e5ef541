package dev.switchboard.tool;

/** One item of a tool result's {@code content}. */
public sealed interface Content permits TextContent {

    /** The MCP content type, e.g. {@code text}. */
    String type();
}
