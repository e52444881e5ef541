package dev.switchboard.protocol.core;

/** The {@code _meta} keys MCP 2026-07-28 reserves for its per-request envelope and result identification. */
public final class MetaKeys {

    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    /** 2025-11-25: ties a result or a server-to-client request to the task it belongs to. */
    public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

    private MetaKeys() {}
}
