package dev.switchboard.protocol.core;

import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.registry.RegisteredTool;

/**
 * A request being served: who sent it, the message, and the channel back to the client.
 *
 * @param retry what the client brought back on a multi round-trip retry (2026-07-28), or {@link InputAnswers#NONE}
 * @param tool the tool the request calls (found once by {@code protocol.CalledTools}), or null when it calls none or
 *     an unknown one
 */
public record McpRequest(
        Caller caller, JsonRpcRequest message, RequestChannel channel, InputAnswers retry, RegisteredTool tool) {

    /** A request that calls no tool and brings no retry state. */
    public McpRequest(Caller caller, JsonRpcRequest message, RequestChannel channel) {
        this(caller, message, channel, InputAnswers.NONE, null);
    }
}
