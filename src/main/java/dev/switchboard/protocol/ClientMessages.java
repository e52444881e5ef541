package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.input.ClientRequests;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** What a session-era client sends besides requests: notifications, and answers to the server's own requests. */
@Singleton
public class ClientMessages {

    private final RunningCalls running;
    private final ClientRequests clientRequests;

    public ClientMessages(RunningCalls running, ClientRequests clientRequests) {
        this.running = running;
        this.clientRequests = clientRequests;
    }

    /**
     * Acts on a notification: {@code notifications/cancelled} stops the call wherever it runs. {@code initialized}
     * needs no action (requests are served as soon as the session exists); unknown ones are ignored, as JSON-RPC asks.
     */
    public Uni<JsonRpcResponse> notified(String sessionId, JsonRpcNotification notification) {
        if (McpMethod.NOTIFICATION_CANCELLED.wire().equals(notification.method()) && notification.params() != null) {
            JsonNode requestId = notification.params().get("requestId");
            if (requestId != null && (requestId.isTextual() || requestId.isIntegralNumber())) {
                running.cancel(sessionId, new JsonRpcId(requestId));
            }
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * Routes the client's answer to the request waiting for it, on whichever replica. A lone answer nobody waits for
     * is refused (HTTP 400); inside a batch ({@link RequestChannel#NONE}) it is dropped.
     */
    public Uni<JsonRpcResponse> answered(String sessionId, JsonRpcResponse answer, RequestChannel channel) {
        return clientRequests.complete(sessionId, answer).map(routed -> {
            if (!routed && channel != RequestChannel.NONE) {
                throw new RequestRejectedException(
                        RequestRejectedException.Reason.INVALID_REQUEST,
                        "No request " + answer.id() + " is waiting for this answer: it is unknown, was already"
                                + " answered, or its deadline passed");
            }
            return null;
        });
    }
}
