package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ClientRequestException;
import dev.switchboard.api.ElicitationResult;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Root;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.SamplingResult;
import dev.switchboard.api.ToolContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests an upstream sends us during a call (elicitation, sampling, roots), asked of our caller as our own
 * tools ask (a server-to-client request in the session era, {@code input_required} in 2026-07-28), and the answers
 * written as the upstream expects them. A request our caller cannot answer is answered with an error the upstream
 * reads; any other kind is answered "method not found".
 */
final class UpstreamRequests {

    private final String upstream;
    private final ObjectMapper mapper;
    private final UpstreamResults results;

    UpstreamRequests(String upstream, ObjectMapper mapper) {
        this.upstream = upstream;
        this.mapper = mapper;
        this.results = new UpstreamResults(mapper);
    }

    /** The JSON-RPC response to the upstream's {@code request}, asking {@code context}'s caller when it should. */
    ObjectNode answer(JsonNode request, ToolContext context) {
        ObjectNode response = mapper.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        String key = "upstream-" + upstream + "-" + request.get("id").asText();
        JsonNode params = request.path("params");
        try {
            switch (request.path("method").asText()) {
                case "elicitation/create" -> {
                    ElicitationResult answer = "url".equals(params.path("mode").asText())
                            ? context.ask(InputRequest.elicitUrl(
                                            key,
                                            params.path("message").asText(),
                                            params.path("url").asText()))
                                    .elicitation(key)
                            : context.ask(InputRequest.elicit(
                                            key, params.path("message").asText(), schema(params)))
                                    .elicitation(key);
                    ObjectNode result = response.putObject("result").put("action", answer.action());
                    if (answer.content() != null) {
                        result.set("content", answer.content());
                    }
                }
                case "sampling/createMessage" -> {
                    SamplingResult answer = context.ask(InputRequest.sample(key, sampling(params)))
                            .sampling(key);
                    ObjectNode result = response.putObject("result")
                            .put("role", answer.role())
                            .put("model", answer.model());
                    result.set("content", answer.content());
                    if (answer.stopReason() != null) { // absent, not null: SDK clients refuse a null one
                        result.put("stopReason", answer.stopReason());
                    }
                }
                case "roots/list" -> {
                    List<Root> roots = context.ask(InputRequest.roots(key)).roots(key);
                    response.putObject("result").set("roots", mapper.valueToTree(roots));
                }
                case "ping" -> response.putObject("result");
                default ->
                    error(
                            response,
                            -32601,
                            "Switchboard does not pass "
                                    + request.path("method").asText()
                                    + " requests of upstream servers on to its clients");
            }
        } catch (ClientRequestException e) {
            error(response, -32603, e.getMessage()); // our caller lacks the capability, declined, or did not answer
        }
        return response;
    }

    /**
     * The answers to a 2026-07-28 upstream's {@code input_required}: each of its {@code inputRequests} asked of our
     * caller as {@link #answer} does, keyed as the upstream keyed them.
     *
     * @throws UpstreamException when our caller cannot answer one (no such capability, no answer in time)
     */
    ObjectNode inputResponses(JsonNode inputRequests, ToolContext context) {
        ObjectNode responses = mapper.createObjectNode();
        inputRequests.fields().forEachRemaining(entry -> {
            ObjectNode request = mapper.createObjectNode().put("id", entry.getKey());
            request.set("method", entry.getValue().get("method"));
            request.set("params", entry.getValue().get("params"));
            ObjectNode response = answer(request, context);
            if (!response.has("result")) {
                throw new UpstreamException("Upstream '" + upstream + "' asked for "
                        + request.path("method").asText() + ", which could not be answered: "
                        + response.path("error").path("message").asText());
            }
            responses.set(entry.getKey(), response.get("result"));
        });
        return responses;
    }

    /** The answer to a request the upstream sends outside a call: refused, so it does not wait for it. */
    ObjectNode refusal(JsonNode request) {
        ObjectNode response = mapper.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        error(
                response,
                -32601,
                "Switchboard does not pass " + request.path("method").asText()
                        + " requests of upstream servers on to its clients");
        return response;
    }

    /** Progress and log messages of the upstream about a call become the caller's. */
    static void forward(JsonNode notification, ToolContext context) {
        JsonNode params = notification.path("params");
        switch (notification.path("method").asText()) {
            case "notifications/progress" ->
                context.progress(
                        params.path("progress").asDouble(),
                        params.has("total") ? params.path("total").asDouble() : null,
                        params.path("message").textValue());
            case "notifications/message" ->
                LogLevel.of(params.path("level").asText()).ifPresent(level -> context.log(level, params.get("data")));
            default -> {
                // other notifications concern the upstream's own session, not this call
            }
        }
    }

    private ObjectNode schema(JsonNode params) {
        return params.path("requestedSchema").isObject()
                ? (ObjectNode) params.get("requestedSchema")
                : mapper.createObjectNode().put("type", "object");
    }

    private SamplingRequest sampling(JsonNode params) {
        List<SamplingRequest.Message> messages = new ArrayList<>();
        for (JsonNode message : params.path("messages")) {
            messages.add(new SamplingRequest.Message(
                    message.path("role").asText("user"), results.content(upstream, message.path("content"))));
        }
        return new SamplingRequest(
                messages,
                params.path("maxTokens").asInt(1000),
                params.path("systemPrompt").textValue());
    }

    private static void error(ObjectNode response, int code, String message) {
        response.putObject("error").put("code", code).put("message", message);
    }
}
