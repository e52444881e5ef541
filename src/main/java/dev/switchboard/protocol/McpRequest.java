package dev.switchboard.protocol;

import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.session.Session;

/** A request being served, with the session it belongs to and the channel back to the client. */
public record McpRequest(Session session, JsonRpcRequest message, RequestChannel channel) {

    public ProtocolVersion protocolVersion() {
        return ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST);
    }
}
