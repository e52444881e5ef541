package dev.switchboard.transport;

/** HTTP header names of MCP's Streamable HTTP transport. */
public final class McpHeaders {

    public static final String SESSION_ID = "Mcp-Session-Id";
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    public static final String EVENT_STREAM = "text/event-stream";
    /** 2026-07-28: mirrors the body's {@code method}. */
    public static final String METHOD = "Mcp-Method";
    /** 2026-07-28: mirrors {@code params.name} or {@code params.uri}. */
    public static final String NAME = "Mcp-Name";
    /** 2026-07-28: prefix of the headers mirroring tool arguments marked {@code x-mcp-header}. */
    public static final String PARAM_PREFIX = "Mcp-Param-";

    private McpHeaders() {}
}
