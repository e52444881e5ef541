package dev.switchboard.protocol.core;

import dev.switchboard.jsonrpc.JsonRpcMessage;

/**
 * The way back to the client while a request is being served: notifications and server-to-client requests related
 * to it. The transport decides how they travel (an SSE stream opened on first use).
 */
public interface RequestChannel {

    /** A channel that cannot carry anything but the final response, e.g. inside a JSON-RPC batch. */
    RequestChannel NONE = message -> false;

    /**
     * Sends a message related to the current request.
     *
     * @return false when this channel cannot carry messages besides the response
     */
    boolean send(JsonRpcMessage message);

    /**
     * Called once the request's session is known, with the revision it negotiated, before anything is sent: a
     * stream's features (priming events for resumption) depend on it.
     */
    default void negotiated(ProtocolVersion version) {}

    /**
     * Closes the client's connection while the request goes on (SSE polling, 2025-11-25): the client reconnects with
     * {@code Last-Event-ID} and receives the rest.
     *
     * @return false when the client could not resume, so the connection stays open
     */
    default boolean disconnect() {
        return false;
    }

    /**
     * Runs {@code action} if the client goes away before the response is sent (2026-07-28: closing a request's
     * stream cancels it). Channels that cannot tell do nothing.
     */
    default void onClientGone(Runnable action) {}
}
