package dev.switchboard.protocol;

import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.session.Session;

/** A request being served, with the session it belongs to. */
public record McpRequest(Session session, JsonRpcRequest message) {

    public ProtocolVersion protocolVersion() {
        return ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST);
    }
}
