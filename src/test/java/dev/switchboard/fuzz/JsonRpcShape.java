package dev.switchboard.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer of {@code /mcp} must look like, whatever was sent: never a 5xx, never a stack trace, and either
 * a well-formed JSON-RPC response (plain or as the last event of an SSE stream), 202/204 with an empty body, or one
 * of the HTTP refusals with an empty body or a JSON-RPC error.
 */
final class JsonRpcShape {

    /** 431: header fields over {@code quarkus.http.limits.max-header-size}, refused by Vert.x itself. */
    static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 405, 406, 413, 415, 431);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A line of a Java stack trace, raw or JSON-escaped: {@code at dev.switchboard.Foo.bar(Foo.java:12)}. */
    private static final Pattern STACK_FRAME = Pattern.compile(
            "(\\t|\\\\t|\\s)at [a-z][\\w$]*(\\.[\\w$]+)+\\((\\w+\\.java:\\d+|Native Method|Unknown Source)\\)");

    private JsonRpcShape() {}

    /** The problem with {@code answer}, or null when it is acceptable. */
    static String problem(FuzzClient.Answer answer, String httpMethod) {
        return problem(answer, httpMethod, REFUSALS);
    }

    /** As {@link #problem(FuzzClient.Answer, String)}, with the HTTP refusals acceptable here. */
    static String problem(FuzzClient.Answer answer, String httpMethod, Set<Integer> refusals) {
        int status = answer.status();
        if (status >= 500) {
            return "HTTP " + status + ": " + abbreviate(answer.body());
        }
        if (STACK_FRAME.matcher(answer.body()).find()) {
            return "stack trace in the body: " + abbreviate(answer.body());
        }
        if (status == 202 || status == 204) {
            return answer.body().isEmpty() ? null : "HTTP " + status + " with a body: " + abbreviate(answer.body());
        }
        if (status == 200) {
            if (answer.eventStream()) {
                if ("GET".equals(httpMethod)) {
                    return null; // a standalone stream: open until the client leaves
                }
                if (answer.events().isEmpty()) {
                    return "an SSE stream without a JSON-RPC response";
                }
                return responseProblem(answer.events().get(answer.events().size() - 1), false);
            }
            return responseProblem(answer.body(), false);
        }
        if (refusals.contains(status)) {
            return answer.body().isEmpty() ? null : responseProblem(answer.body(), true);
        }
        return "unexpected HTTP " + status + ": " + abbreviate(answer.body());
    }

    static boolean isResponse(String data) {
        try {
            JsonNode node = MAPPER.readTree(data);
            return node != null && node.isObject() && (node.has("result") || node.has("error"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String responseProblem(String json, boolean mustBeError) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return "not JSON: " + abbreviate(json);
        }
        if (node == null) {
            return "an empty body where a JSON-RPC response belongs";
        }
        if (node.isArray() && !mustBeError && !node.isEmpty()) { // a 2025-03-26 batch answer
            for (JsonNode element : node) {
                String problem = messageProblem(element, false);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return messageProblem(node, mustBeError);
    }

    private static String messageProblem(JsonNode node, boolean mustBeError) {
        if (!node.isObject() || !"2.0".equals(node.path("jsonrpc").textValue())) {
            return "not a JSON-RPC 2.0 message: " + abbreviate(node.toString());
        }
        if (node.has("result") == node.has("error")) {
            return "not exactly one of result and error: " + abbreviate(node.toString());
        }
        if (node.has("id")
                && !(node.get("id").isTextual()
                        || node.get("id").isIntegralNumber()
                        || node.get("id").isNull())) {
            return "an id that is neither a string nor an integer: " + abbreviate(node.toString());
        }
        if (node.has("error")) {
            JsonNode error = node.get("error");
            if (!error.path("code").isIntegralNumber()
                    || !error.path("message").isTextual()
                    || error.path("message").textValue().isBlank()) {
                return "a malformed error: " + abbreviate(node.toString());
            }
        } else if (mustBeError) {
            return "a result on an HTTP refusal: " + abbreviate(node.toString());
        }
        return null;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
