package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ElicitationResult;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.Root;
import dev.switchboard.api.SamplingResult;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The wire form of {@link InputRequest}s and their answers, shared by both eras. */
public final class InputWire {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> ELICITATION_ACTIONS = Set.of("accept", "decline", "cancel");

    private InputWire() {}

    public static String method(InputRequest request) {
        if (request instanceof InputRequest.Sample) {
            return "sampling/createMessage";
        }
        return request instanceof InputRequest.ListRoots ? "roots/list" : "elicitation/create";
    }

    /**
     * The request's params as sent to a client speaking {@code version}: the elicitation {@code mode} exists from
     * 2025-11-25 on, and URL mode carried an {@code elicitationId} only in 2025-11-25.
     */
    public static ObjectNode params(InputRequest request, String version, ObjectMapper mapper) {
        if (request instanceof InputRequest.Elicit elicit) {
            ObjectNode params = JSON.objectNode().put("message", elicit.message());
            if (!olderThan(version, ProtocolVersion.V2025_11_25)) {
                params.put("mode", "form");
            }
            return params.set("requestedSchema", elicit.requestedSchema());
        }
        if (request instanceof InputRequest.ElicitUrl url) {
            ObjectNode params = JSON.objectNode()
                    .put("mode", "url")
                    .put("message", url.message())
                    .put("url", url.url());
            if (ProtocolVersion.V2025_11_25.wire().equals(version)) {
                params.put("elicitationId", UUID.randomUUID().toString());
            }
            return params;
        }
        if (request instanceof InputRequest.Sample sample) {
            return mapper.valueToTree(sample.request());
        }
        return JSON.objectNode();
    }

    /** The typed answer, or a -32602 error naming the key when the client's answer has the wrong shape. */
    public static Object answer(InputRequest request, JsonNode answer) {
        if (request instanceof InputRequest.Sample) {
            return sampling(request.key(), answer);
        }
        if (request instanceof InputRequest.ListRoots) {
            return roots(request.key(), answer);
        }
        return elicitation(request.key(), answer);
    }

    private static ElicitationResult elicitation(String key, JsonNode answer) {
        String action = answer.path("action").textValue();
        JsonNode content = answer.get("content");
        if (action == null
                || !ELICITATION_ACTIONS.contains(action)
                || (content != null && !content.isObject() && !content.isNull())) {
            throw invalid(
                    key, "an elicitation result: {\"action\": \"accept\"|\"decline\"|\"cancel\", \"content\": {...}}");
        }
        return new ElicitationResult(action, content instanceof ObjectNode object ? object : null);
    }

    private static SamplingResult sampling(String key, JsonNode answer) {
        if (!answer.path("role").isTextual() || !answer.path("content").isContainerNode()) {
            throw invalid(key, "a sampling result: {\"role\", \"content\", \"model\"}");
        }
        return new SamplingResult(
                answer.path("role").asText(),
                answer.get("content"),
                answer.path("model").asText(null),
                answer.path("stopReason").asText(null));
    }

    private static List<Root> roots(String key, JsonNode answer) {
        if (!(answer.path("roots") instanceof ArrayNode array)) {
            throw invalid(key, "a roots result: {\"roots\": [{\"uri\": ...}]}");
        }
        List<Root> roots = new ArrayList<>();
        for (JsonNode root : array) {
            if (!root.path("uri").isTextual()) {
                throw invalid(key, "a roots result whose roots each have a string \"uri\"");
            }
            roots.add(new Root(root.path("uri").asText(), root.path("name").asText(null)));
        }
        return roots;
    }

    private static JsonRpcException invalid(String key, String expected) {
        return JsonRpcException.invalidParams("The answer to input request '" + key + "' must be " + expected);
    }

    private static boolean olderThan(String version, ProtocolVersion other) {
        return ProtocolVersion.of(version).map(v -> v.compareTo(other) < 0).orElse(false);
    }
}
