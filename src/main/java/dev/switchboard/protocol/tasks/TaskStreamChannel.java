package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.notify.ResourceSubscriptions;

/**
 * The way back to a session-era client while its task runs: the call's own response has been sent (it was the task),
 * so progress, log messages and input requests go to the session's standalone (GET) stream. Each carries the task it
 * belongs to ({@code _meta io.modelcontextprotocol/related-task}): 2025-11-25 asks it of every request and notification
 * related to a task.
 */
final class TaskStreamChannel implements RequestChannel {

    private final ResourceSubscriptions streams;
    private final String sessionId;
    private final String taskId;

    TaskStreamChannel(ResourceSubscriptions streams, String sessionId, String taskId) {
        this.streams = streams;
        this.sessionId = sessionId;
        this.taskId = taskId;
    }

    @Override
    public boolean send(JsonRpcMessage message) {
        ObjectNode params = message instanceof JsonRpcRequest request
                ? request.params()
                : message instanceof JsonRpcNotification notification ? notification.params() : null;
        if (params != null) {
            params.withObject("/_meta").putObject(MetaKeys.RELATED_TASK).put("taskId", taskId);
        }
        return streams.sendToSession(sessionId, message);
    }
}
