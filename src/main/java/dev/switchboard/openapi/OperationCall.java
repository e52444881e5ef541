package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.TextContent;
import dev.switchboard.api.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation called for a tool call: the request built as the document says (path template, query styles,
 * headers, cookies, JSON body, the credentials its security asks for), sent only to the service's base URL (no
 * redirects), and the answer as a tool result: JSON as structured content and text, other text as text, anything else
 * as an embedded resource; a non-2xx status, a timeout or an unreachable service as a tool error. Blocking.
 */
final class OperationCall {

    private final String service;
    private final Operation operation;
    private final ServiceTarget target;
    private final ObjectMapper mapper;

    OperationCall(String service, Operation operation, ServiceTarget target, ObjectMapper mapper) {
        this.service = service;
        this.operation = operation;
        this.target = target;
        this.mapper = mapper;
    }

    ToolResult call(JsonNode arguments) {
        JsonNode args = arguments != null && arguments.isObject() ? arguments : mapper.createObjectNode();
        RequestParts parts = new RequestParts();
        String path = operation.path();
        for (Operation.Parameter parameter : operation.parameters()) {
            JsonNode value = args.get(parameter.argument());
            if (value == null || value.isNull()) {
                if ("path".equals(parameter.in())) {
                    return ToolResult.error(
                            "'" + parameter.argument() + "' is required: it is part of the path " + operation.path());
                }
                continue;
            }
            switch (parameter.in()) {
                case "path" ->
                    path = path.replace(
                            "{" + parameter.name() + "}",
                            ParameterStyles.encodePath(ParameterStyles.simple(value, parameter)));
                case "query" -> ParameterStyles.query(parts.query, parameter, value);
                case "header" -> parts.headers.put(parameter.name(), ParameterStyles.simple(value, parameter));
                case "cookie" -> parts.cookies.add(parameter.name() + "=" + ParameterStyles.simple(value, parameter));
                default -> {
                    // no other locations exist
                }
            }
        }
        target.credentials().apply(operation.security(), parts);
        JsonNode body = operation.body() == null ? null : args.get(operation.body());
        String what = operation.method() + " " + operation.path();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, */*;q=0.5");
        if (body != null && !body.isNull()) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(parts.headers);
        if (!parts.cookies.isEmpty()) {
            headers.put("Cookie", String.join("; ", parts.cookies));
        }
        try {
            ServiceExchange.Answer answer = ServiceExchange.send(
                    target.http(),
                    operation.method(),
                    target.uri(path, parts.query.toString()),
                    headers,
                    body == null || body.isNull() ? null : body.toString(),
                    target.timeout().toMillis(),
                    target.maxResponseBytes());
            if (answer.tooLarge()) {
                return ToolResult.error(service + " answered " + what + " with more than "
                        + target.maxResponseBytes() + " bytes (switchboard.openapi." + service
                        + ".max-response-bytes)");
            }
            return answer(what, answer);
        } catch (ServiceExchange.Timeout e) {
            return ToolResult.error(service + " did not answer " + what + " within "
                    + target.timeout().toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return ToolResult.error(service + " cannot be reached at " + target.shownBase() + ": "
                    + (cause instanceof java.net.ConnectException || cause.getMessage() == null
                            ? "connection refused"
                            : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("The call of " + what + " was interrupted");
        }
    }

    private ToolResult answer(String what, ServiceExchange.Answer answer) {
        int status = answer.status();
        byte[] bytes = answer.body();
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (status < 200 || status > 299) {
            String excerpt = text.strip().length() > 500 ? text.strip().substring(0, 500) + "..." : text.strip();
            return ToolResult.error(
                    service + " answered " + what + " with HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
        }
        if (bytes.length == 0) {
            return ToolResult.text("HTTP " + status + " (no content)");
        }
        if (type.startsWith("application/json") || type.contains("+json")) {
            try {
                JsonNode json = mapper.readTree(bytes);
                Object structured = operation.wrapsResult()
                        ? mapper.createObjectNode().set("result", json)
                        : json instanceof ObjectNode ? json : null;
                return new ToolResult(
                        List.of(new TextContent(text)), operation.structured() ? structured : null, false);
            } catch (IOException e) {
                return ToolResult.text(text); // labelled JSON but is not: the text still reads
            }
        }
        if (type.startsWith("text/") || type.contains("xml") || type.isEmpty()) {
            return ToolResult.text(text);
        }
        String mime = type.split(";")[0].strip();
        return ToolResult.of(new EmbeddedResource(
                ResourceContents.blob("openapi://" + service + operation.path(), mime, bytes), null));
    }

    /** What the parameters and credentials add to a request. */
    static final class RequestParts {
        final StringBuilder query = new StringBuilder();
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> cookies = new ArrayList<>();
    }
}
