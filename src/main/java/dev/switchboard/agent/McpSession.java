package dev.switchboard.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's MCP session with a server over Streamable HTTP (revision 2025-11-25): initialize, then tools/list and
 * tools/call under the session id. Answers may come as JSON or as an SSE stream whose last event is the response.
 * Not thread-safe: one per agent run.
 */
final class McpSession {

    static final String VERSION = "2025-11-25";
    private static final String ACCEPT = "application/json, text/event-stream";

    private final McpHttpApi api;
    private final String authorization;
    private final ObjectMapper mapper;
    private String sessionId;
    private int nextId = 1;

    private McpSession(McpHttpApi api, String authorization, ObjectMapper mapper, String sessionId) {
        this.api = api;
        this.authorization = authorization;
        this.mapper = mapper;
        this.sessionId = sessionId;
    }

    /**
     * Continues {@code sessionId}, or opens a new session when it is null.
     *
     * @param authorization the {@code Authorization} header to send, or null
     */
    static McpSession open(McpHttpApi api, String authorization, ObjectMapper mapper, String sessionId) {
        McpSession session = new McpSession(api, authorization, mapper, sessionId);
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

    /** The result of request {@code id}, from a JSON answer or from the SSE stream's events. */
    private JsonNode result(Response response, int id, String method) {
        try (response) {
            String body = response.readEntity(String.class);
            if (response.getStatus() == 404 && sessionId != null) {
                throw new AgentException(
                        404,
                        "MCP session " + sessionId + " is unknown or expired; start without"
                                + " sessionId for a new one");
            }
            if (response.getStatus() != 200) {
                throw new AgentException(
                        502, "The MCP server answered " + method + " with HTTP " + response.getStatus() + ": " + body);
            }
            String type = response.getHeaderString("Content-Type");
            JsonNode answer = type != null && type.startsWith("text/event-stream") ? fromStream(body, id) : read(body);
            if (answer == null) {
                throw new AgentException(502, "The MCP server's stream ended without answering " + method);
            }
            if (answer.has("error")) {
                throw new AgentException(
                        502, "The MCP server answered " + method + " with error " + answer.path("error"));
            }
            return answer.path("result");
        }
    }

    private JsonNode fromStream(String body, int id) {
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            } else if (line.isEmpty() && data.length() > 0) {
                JsonNode message = read(data.toString());
                data.setLength(0);
                if (message.path("id").asInt(-1) == id && (message.has("result") || message.has("error"))) {
                    return message;
                }
            }
        }
        return null;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new AgentException(502, "The MCP server sent malformed JSON");
        }
    }
}
