package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.ToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upstream MCP server, spoken to as a session-era MCP client would: {@code initialize} opens a session (the
 * upstream names it, or keeps none), then tools are listed and called in it. The upstream's requests during a call
 * (elicitation, sampling, roots) are asked of our caller; outside a call they are answered as not supported.
 */
final class UpstreamServer {

    /** The revision we ask for; the upstream answers with the one it speaks. */
    static final String PROTOCOL_VERSION = "2025-11-25";

    private static final int MAX_PAGES = 100;

    /**
     * An open session.
     *
     * @param id the upstream's {@code Mcp-Session-Id}, or null when it keeps no sessions
     * @param protocolVersion the revision it answered with
     * @param capabilities what it serves, as its {@code initialize} said; null for a session restored from the store
     */
    record Session(String id, String protocolVersion, JsonNode capabilities) {

        Session(String id, String protocolVersion) {
            this(id, protocolVersion, null);
        }

        /** Whether the upstream said it serves {@code feature} ({@code tools}, {@code resources}, ...). */
        boolean serves(String feature) {
            return capabilities != null && capabilities.has(feature);
        }
    }

    private final String name;
    private final StreamableHttpClient client;
    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();
    private final UpstreamRequests requests;

    UpstreamServer(String name, StreamableHttpClient client, ObjectMapper mapper) {
        this.name = name;
        this.client = client;
        this.mapper = mapper;
        this.requests = new UpstreamRequests(name, mapper);
    }

    String name() {
        return name;
    }

    Session open() {
        ObjectNode params = mapper.createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
        // What our clients may answer, asked of them when the upstream asks (UpstreamRequests).
        ObjectNode capabilities = params.putObject("capabilities");
        ObjectNode elicitation = capabilities.putObject("elicitation");
        elicitation.putObject("form");
        elicitation.putObject("url");
        capabilities.putObject("sampling");
        capabilities.putObject("roots");
        params.putObject("clientInfo").put("name", "switchboard").put("version", "1.0");
        StreamableHttpClient.Answer answer = client.send(request("initialize", params), null, null, refusing(null));
        JsonNode result = result(answer.message(), "initialize");
        Session session = new Session(
                answer.sessionId(),
                result.path("protocolVersion").asText(PROTOCOL_VERSION),
                result.path("capabilities"));
        client.send(notification("notifications/initialized"), session.id(), session.protocolVersion(), null);
        return session;
    }

    /** Ends a session the upstream named; a session-less upstream has nothing to end. */
    void close(Session session) {
        if (session.id() != null) {
            client.delete(session.id(), session.protocolVersion());
        }
    }

    /** Everything the upstream lists, every page read. */
    UpstreamListing listing(Session session) {
        return new UpstreamListing(tools(session), resources(session), resourceTemplates(session), prompts(session));
    }

    /** Every tool the upstream lists, all pages read. */
    List<JsonNode> tools(Session session) {
        return list(session, "tools/list", "tools");
    }

    /** Every resource the upstream lists; none when it serves no resources. */
    List<JsonNode> resources(Session session) {
        return session.serves("resources") ? list(session, "resources/list", "resources") : List.of();
    }

    /** Every resource template the upstream lists; none when it serves no resources. */
    List<JsonNode> resourceTemplates(Session session) {
        return session.serves("resources") ? list(session, "resources/templates/list", "resourceTemplates") : List.of();
    }

    /** Every prompt the upstream lists; none when it serves no prompts. */
    List<JsonNode> prompts(Session session) {
        return session.serves("prompts") ? list(session, "prompts/list", "prompts") : List.of();
    }

    /** Fills in one of the upstream's prompts: its {@code GetPromptResult}. */
    JsonNode prompt(Session session, String prompt, JsonNode arguments) {
        ObjectNode params = mapper.createObjectNode().put("name", prompt);
        params.set("arguments", arguments);
        return result(
                client.send(request("prompts/get", params), session.id(), session.protocolVersion(), refusing(session))
                        .message(),
                "prompts/get " + prompt);
    }

    /** Reads one of the upstream's resources: its {@code ReadResourceResult}. */
    JsonNode read(Session session, String uri) {
        ObjectNode params = mapper.createObjectNode().put("uri", uri);
        return result(
                client.send(
                                request("resources/read", params),
                                session.id(),
                                session.protocolVersion(),
                                refusing(session))
                        .message(),
                "resources/read " + uri);
    }

    private List<JsonNode> list(Session session, String method, String field) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode params = mapper.createObjectNode();
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonNode result = result(
                    client.send(request(method, params), session.id(), session.protocolVersion(), refusing(session))
                            .message(),
                    method);
            result.path(field).forEach(items::add);
            cursor = result.path("nextCursor").textValue();
            if (cursor == null) {
                return items;
            }
        }
        throw new UpstreamException("Upstream '" + name + "' lists more than " + MAX_PAGES + " pages of " + field);
    }

    /**
     * Calls one of the upstream's tools for {@code context}'s caller: the upstream's progress and log notifications
     * about the call reach the caller, and a cancellation reaches the upstream.
     *
     * @return the upstream's {@code CallToolResult}
     */
    JsonNode call(Session session, String tool, JsonNode arguments, ToolContext context) {
        ObjectNode params = mapper.createObjectNode().put("name", tool);
        params.set("arguments", arguments == null || arguments.isMissingNode() ? mapper.createObjectNode() : arguments);
        ObjectNode message = request("tools/call", params);
        long id = message.get("id").longValue();
        params.putObject("_meta").put("progressToken", id);
        context.onCancel(() -> CompletableFuture.runAsync(() -> cancel(session, id)));
        StreamableHttpClient.Answer answer =
                client.send(message, session.id(), session.protocolVersion(), new StreamableHttpClient.Listener() {
                    @Override
                    public void notification(JsonNode notification) {
                        forward(notification, context);
                    }

                    @Override
                    public void request(JsonNode request) {
                        client.send(requests.answer(request, context), session.id(), session.protocolVersion(), null);
                    }
                });
        return result(answer.message(), "tools/call " + tool);
    }

    /** Progress and log messages of the upstream become the caller's. */
    private static void forward(JsonNode notification, ToolContext context) {
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

    /** Tells the upstream a call was cancelled; best effort. */
    private void cancel(Session session, long requestId) {
        ObjectNode cancelled = notification("notifications/cancelled");
        cancelled.putObject("params").put("requestId", requestId).put("reason", "cancelled by the client");
        try {
            client.send(cancelled, session.id(), session.protocolVersion(), null);
        } catch (UpstreamException e) {
            // the call ends on our side anyway
        }
    }

    private JsonNode result(JsonNode response, String what) {
        if (response == null) {
            throw new UpstreamException("Upstream '" + name + "' answered " + what + " with no response");
        }
        JsonNode error = response.get("error");
        if (error != null) {
            throw new UpstreamRefusal(
                    error.path("code").asInt(),
                    "Upstream '" + name + "' refused " + what + ": "
                            + error.path("message")
                                    .asText("error " + error.path("code").asText()));
        }
        JsonNode result = response.get("result");
        if (result == null || !result.isObject()) {
            throw new UpstreamException("Upstream '" + name + "' answered " + what + " without a result");
        }
        return result;
    }

    /** Answers the upstream's requests (sampling, elicitation, roots) as not supported through this server. */
    private StreamableHttpClient.Listener refusing(Session session) {
        return new StreamableHttpClient.Listener() {
            @Override
            public void notification(JsonNode message) {
                // nothing to do with notifications outside a call
            }

            @Override
            public void request(JsonNode request) {
                ObjectNode refusal = mapper.createObjectNode().put("jsonrpc", "2.0");
                refusal.set("id", request.get("id"));
                refusal.putObject("error")
                        .put("code", -32601)
                        .put(
                                "message",
                                "Switchboard does not pass "
                                        + request.path("method").asText()
                                        + " requests of upstream servers on to its clients");
                client.send(
                        refusal,
                        session == null ? null : session.id(),
                        session == null ? null : session.protocolVersion(),
                        null);
            }
        };
    }

    private long nextId() {
        return ids.incrementAndGet();
    }

    private ObjectNode request(String method, ObjectNode params) {
        ObjectNode message = mapper.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", nextId())
                .put("method", method);
        message.set("params", params);
        return message;
    }

    private ObjectNode notification(String method) {
        return mapper.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    }
}
