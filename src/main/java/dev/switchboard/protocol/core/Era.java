package dev.switchboard.protocol.core;

/**
 * The two ways MCP clients talk to {@code /mcp}: the session-based revisions (2024-11-05 to 2025-11-25) and the
 * stateless revision 2026-07-28. Every revision belongs to one ({@link ProtocolVersion#era()}); the transport decides
 * a request's era, and metrics and logs tag requests with {@link #tag()}.
 */
public enum Era {
    SESSION("session"),
    STATELESS("stateless");

    private final String tag;

    Era(String tag) {
        this.tag = tag;
    }

    /** The era's name in metrics ({@code era} tag) and access logs. */
    public String tag() {
        return tag;
    }
}
