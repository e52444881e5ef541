package dev.switchboard.transport;

/** HTTP header names of MCP's Streamable HTTP transport. */
public final class McpHeaders {

    public static final String SESSION_ID = "Mcp-Session-Id";
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    public static final String EVENT_STREAM = "text/event-stream";

    private McpHeaders() {}
}
