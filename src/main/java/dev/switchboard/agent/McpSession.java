package dev.switchboard.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's MCP session with a server over Streamable HTTP (revision 2025-11-25): initialize, then tools/list and
 * tools/call under the session id. Answers may come as JSON or as an SSE stream that carries the response.
 * Not thread-safe: one per agent run.
 */
final class McpSession {

    static final String VERSION = "2025-11-25";
    private static final String ACCEPT = "application/json, text/event-stream";

    private final McpHttpApi api;
    private final String authorization;
    private final ObjectMapper mapper;
    private final SseAnswer events;
    private final Vertx vertx;
    private final Duration timeout;
    private String sessionId;
    private int nextId = 1;

    private McpSession(
            McpHttpApi api,
            String authorization,
            ObjectMapper mapper,
            Vertx vertx,
            Duration timeout,
            String sessionId) {
        this.api = api;
        this.authorization = authorization;
        this.mapper = mapper;
        this.events = new SseAnswer(mapper);
        this.vertx = vertx;
        this.timeout = timeout;
        this.sessionId = sessionId;
    }

    /**
     * Continues {@code sessionId}, or opens a new session when it is null.
     *
     * @param authorization the {@code Authorization} header to send, or null
     * @param vertx whose timers bound each answer
     * @param timeout how long one answer may take, an SSE stream's included
     */
    static McpSession open(
            McpHttpApi api,
            String authorization,
            ObjectMapper mapper,
            Vertx vertx,
            Duration timeout,
            String sessionId) {
        McpSession session = new McpSession(api, authorization, mapper, vertx, timeout, sessionId);
        if (sessionId == null) {
            session.initialize();
        }
        return session;
    }

    String id() {
        return sessionId;
    }

    /** Every tool, through all pages of tools/list. */
    List<JsonNode> listTools() {
        List<JsonNode> tools = new ArrayList<>();
        String cursor = null;
        do {
            ObjectNode params = mapper.createObjectNode();
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonNode result = request("tools/list", params);
            result.path("tools").forEach(tools::add);
            cursor = result.path("nextCursor").textValue();
        } while (cursor != null);
        return tools;
    }

    /** The {@code tools/call} result: content, structuredContent, isError. */
    JsonNode callTool(String name, JsonNode arguments) {
        ObjectNode params = mapper.createObjectNode().put("name", name);
        params.set("arguments", arguments);
        return request("tools/call", params);
    }

    private void initialize() {
        ObjectNode params = mapper.createObjectNode().put("protocolVersion", VERSION);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "switchboard-agent").put("version", "1.0");
        Response response = send(message(nextId++, "initialize", params), null);
        sessionId = response.getHeaderString("Mcp-Session-Id");
        result(response, nextId - 1, "initialize");
        if (sessionId == null) {
            throw new AgentException(502, "The MCP server opened no session (no Mcp-Session-Id header)");
        }
        ObjectNode initialized =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized");
        send(initialized.toString(), sessionId).close();
    }

    private JsonNode request(String method, ObjectNode params) {
        int id = nextId++;
        return result(send(message(id, method, params), sessionId), id, method);
    }

    private String message(int id, String method, ObjectNode params) {
        ObjectNode message =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        return message.toString();
    }

    private Response send(String message, String session) {
        try {
            return api.post(ACCEPT, session, session == null ? null : VERSION, authorization, message);
        } catch (ProcessingException e) {
            throw new AgentException(502, "The MCP server cannot be reached: " + e.getMessage());
        }
    }

    /**
     * The result of request {@code id}, from a JSON answer or from the SSE stream's events, read as they arrive (the
     * stream may stay open after the response: see {@link SseAnswer}) and within the timeout.
     */
    private JsonNode result(Response response, int id, String method) {
        try (response;
                ReadDeadline deadline = new ReadDeadline(vertx, timeout)) {
            try {
                return answer(response, id, method);
            } catch (IOException | ProcessingException e) {
                if (deadline.passed()) {
                    throw new AgentException(
                            504,
                            "The MCP server did not answer " + method + " within " + timeout.toMillis()
                                    + " ms (switchboard.agent.mcp-timeout)");
                }
                if (e instanceof JsonProcessingException) {
                    throw new AgentException(502, "The MCP server sent malformed JSON");
                }
                throw new AgentException(502, "The MCP server broke off its answer to " + method);
            }
        }
    }

    private JsonNode answer(Response response, int id, String method) throws IOException {
        if (response.getStatus() == 404 && sessionId != null) {
            throw new AgentException(
                    404, "MCP session " + sessionId + " is unknown or expired; start without sessionId for a new one");
        }
        if (response.getStatus() != 200) {
            throw new AgentException(
                    502,
                    "The MCP server answered " + method + " with HTTP " + response.getStatus() + ": "
                            + response.readEntity(String.class));
        }
        String type = response.getHeaderString("Content-Type");
        JsonNode answer;
        if (type != null && type.startsWith("text/event-stream")) {
            try (InputStream body = response.readEntity(InputStream.class)) {
                answer = events.read(body, id);
            }
        } else {
            answer = mapper.readTree(response.readEntity(String.class));
        }
        if (answer == null) {
            throw new AgentException(502, "The MCP server's stream ended without answering " + method);
        }
        if (answer.has("error")) {
            throw new AgentException(502, "The MCP server answered " + method + " with error " + answer.path("error"));
        }
        return answer.path("result");
    }
}
