package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.session.Session;
import dev.switchboard.tool.ClientRequestException;
import dev.switchboard.tool.ElicitationResult;
import dev.switchboard.tool.LogLevel;
import dev.switchboard.tool.Root;
import dev.switchboard.tool.SamplingRequest;
import dev.switchboard.tool.SamplingResult;
import dev.switchboard.tool.ToolContext;
import java.util.ArrayList;
import java.util.List;

/** The {@link ToolContext} of a tool call within a session: messages go out on the request's channel. */
final class SessionCallContext implements ToolContext {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Session session;
    private final String toolName;
    private final JsonNode progressToken;
    private final LogLevel logThreshold;
    private final RequestChannel channel;
    private final CallControl control;
    private final ClientRequests clientRequests;
    private final ObjectMapper mapper;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    SessionCallContext(
            Session session,
            String toolName,
            JsonNode progressToken,
            LogLevel logThreshold,
            RequestChannel channel,
            CallControl control,
            ClientRequests clientRequests,
            ObjectMapper mapper) {
        this.session = session;
        this.toolName = toolName;
        this.progressToken = progressToken;
        this.logThreshold = logThreshold;
        this.channel = channel;
        this.control = control;
        this.clientRequests = clientRequests;
        this.mapper = mapper;
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public String protocolVersion() {
        return session.protocolVersion();
    }

    @Override
    public String toolName() {
        return toolName;
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        if (progressToken == null || progress <= lastProgress || control.isCancelled()) {
            return;
        }
        lastProgress = progress;
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

    @Override
    public void log(LogLevel level, Object data) {
        if (!level.atLeast(logThreshold) || control.isCancelled()) {
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
    public ElicitationResult elicit(String message, ObjectNode requestedSchema) {
        requireCapability("elicitation", null);
        ObjectNode params = JSON.objectNode().put("message", message);
        if (ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST)
                == ProtocolVersion.V2025_11_25) {
            params.put("mode", "form");
        }
        params.set("requestedSchema", requestedSchema);
        return elicitation(params);
    }

    @Override
    public ElicitationResult elicitUrl(String message, String url, String elicitationId) {
        requireCapability("elicitation", "url");
        ObjectNode params = JSON.objectNode()
                .put("mode", "url")
                .put("message", message)
                .put("url", url)
                .put("elicitationId", elicitationId);
        return elicitation(params);
    }

    private ElicitationResult elicitation(ObjectNode params) {
        JsonNode result = clientRequests.call(session.id(), channel, control, "elicitation/create", params);
        JsonNode content = result.get("content");
        return new ElicitationResult(
                result.path("action").asText(), content instanceof ObjectNode object ? object : null);
    }

    @Override
    public SamplingResult sample(SamplingRequest request) {
        requireCapability("sampling", null);
        JsonNode result = clientRequests.call(
                session.id(), channel, control, "sampling/createMessage", mapper.valueToTree(request));
        return new SamplingResult(
                result.path("role").asText(null),
                result.get("content"),
                result.path("model").asText(null),
                result.path("stopReason").asText(null));
    }

    @Override
    public List<Root> roots() {
        requireCapability("roots", null);
        JsonNode result = clientRequests.call(session.id(), channel, control, "roots/list", JSON.objectNode());
        List<Root> roots = new ArrayList<>();
        if (result.path("roots") instanceof ArrayNode array) {
            array.forEach(root -> roots.add(
                    new Root(root.path("uri").asText(), root.path("name").asText(null))));
        }
        return roots;
    }

    /** Clients declare what they can do in initialize; asking for anything else is refused before it is sent. */
    private void requireCapability(String capability, String mode) {
        JsonNode capabilities = session.clientCapabilities();
        JsonNode declared = capabilities == null ? null : capabilities.get(capability);
        boolean ok = declared != null && declared.isObject();
        if (ok && mode != null) {
            ok = declared.has(mode);
        }
        if (!ok) {
            throw new ClientRequestException("The client did not declare the " + capability
                    + (mode == null ? "" : "." + mode) + " capability in initialize, so the server cannot use it");
        }
    }
}
