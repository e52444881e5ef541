package dev.switchboard.tool;

/** What a running tool may know about the call it serves. */
public interface ToolContext {

    /** The MCP session the call belongs to. */
    String sessionId();

    /** The protocol revision the client speaks, e.g. {@code 2025-11-25}. */
    String protocolVersion();

    /** The name the tool was called by. */
    String toolName();
}
