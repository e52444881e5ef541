package dev.switchboard.protocol;

/** What the transport sends back for one POST. */
public sealed interface McpReply {

    /**
     * A JSON body: one {@code JsonRpcResponse} or, for a batch, a list of them.
     *
     * @param sessionId the id of a session this message created, for the {@code Mcp-Session-Id} header, or null
     */
    record Respond(Object body, String sessionId) implements McpReply {}

    /** Only notifications or responses were received: HTTP 202 with no body. */
    record Accepted() implements McpReply {}
}
