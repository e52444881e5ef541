package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolContext;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.RequestChannel;
import java.util.List;
import java.util.function.Consumer;

/** The {@link ToolContext} of a tool call, in either era: messages go out on the request's channel. */
public final class CallContext implements ToolContext {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Caller caller;
    private final String toolName;
    private final JsonNode progressToken;
    private final RequestChannel channel;
    private final CallControl control;
    private final InputSource inputs;
    private final ObjectMapper mapper;
    private final Consumer<String> statusMessages;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    /** @param statusMessages receives progress as a task's status message, or null for a call that is no task */
    public CallContext(
            Caller caller,
            String toolName,
            JsonNode progressToken,
            RequestChannel channel,
            CallControl control,
            InputSource inputs,
            ObjectMapper mapper,
            Consumer<String> statusMessages) {
        this.statusMessages = statusMessages;
        this.caller = caller;
        this.toolName = toolName;
        this.progressToken = progressToken;
        this.channel = channel;
        this.control = control;
        this.inputs = inputs;
        this.mapper = mapper;
    }

    /** The request's {@code _meta.progressToken}, or null when it has none (or one of the wrong type). */
    public static JsonNode progressToken(JsonRpcRequest request) {
        JsonNode token = request.param("_meta").get("progressToken");
        return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
    }

    @Override
    public String sessionId() {
        return caller.sessionId();
    }

    @Override
    public String protocolVersion() {
        return caller.protocolVersion();
    }

    @Override
    public Principal principal() {
        return caller.principal();
    }

    @Override
    public String toolName() {
        return toolName;
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        if (progress <= lastProgress || control.isCancelled()) {
            return;
        }
        lastProgress = progress;
        if (statusMessages != null) {
            statusMessages.accept(message != null ? message : statusMessage(progress, total));
        }
        if (progressToken == null) {
            return;
        }
        ObjectNode params = JSON.objectNode().set("progressToken", progressToken);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        channel.send(new JsonRpcNotification("notifications/progress", params));
    }

    private static String statusMessage(double progress, Double total) {
        String done = progress == Math.rint(progress) ? Long.toString((long) progress) : Double.toString(progress);
        return total == null ? "Progress: " + done : "Progress: " + done + " of " + total.longValue();
    }

    @Override
    public void log(LogLevel level, Object data) {
        LogLevel threshold = caller.logThreshold();
        if (threshold == null || !level.atLeast(threshold) || control.isCancelled()) {
            return;
        }
        ObjectNode params = JSON.objectNode().put("level", level.wire()).put("logger", toolName);
        params.set("data", mapper.valueToTree(data));
        channel.send(new JsonRpcNotification("notifications/message", params));
    }

    @Override
    public boolean closeConnection() {
        return channel.disconnect();
    }

    @Override
    public boolean isCancelled() {
        return control.isCancelled();
    }

    @Override
    public void onCancel(Runnable action) {
        control.onCancel(action);
    }

    @Override
    public ClientAnswers ask(InputRequest... requests) {
        return inputs.ask(caller, List.of(requests));
    }
}
