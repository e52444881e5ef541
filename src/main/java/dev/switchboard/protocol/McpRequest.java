package dev.switchboard.protocol;

import dev.switchboard.jsonrpc.JsonRpcRequest;

/**
 * A request being served: who sent it, the message, and the channel back to the client.
 *
 * @param retry what the client brought back on a multi round-trip retry (2026-07-28), or {@link InputAnswers#NONE}
 */
public record McpRequest(Caller caller, JsonRpcRequest message, RequestChannel channel, InputAnswers retry) {

    public McpRequest(Caller caller, JsonRpcRequest message, RequestChannel channel) {
        this(caller, message, channel, InputAnswers.NONE);
    }
}
