package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolContext;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One upstream MCP server, spoken to as an MCP client would: {@code server/discover} first, and when the upstream
 * speaks 2026-07-28 every request carries its envelope and needs no session; otherwise {@code initialize} opens a
 * session (the upstream names it, or keeps none) and tools are listed and called in it. The upstream's requests during
 * a call (elicitation, sampling, roots; {@code input_required} in 2026-07-28) are asked of our caller; outside a call
 * they are answered as not supported.
 */
final class UpstreamServer {

    /** The revision we ask for; the upstream answers with the one it speaks. */
    static final String PROTOCOL_VERSION = "2025-11-25";

    private static final int MAX_PAGES = 100;
    /** How many times one call may answer {@code input_required} before it is given up. */
    private static final int MAX_INPUT_ROUNDS = 10;

    private final String name;
    private final StreamableHttpClient client;
    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();
    private final UpstreamRequests requests;
    private final UpstreamConfig.Protocol protocol;
    /** Set once the upstream answered {@code server/discover}: it speaks 2026-07-28, and this is every "session". */
    private volatile UpstreamSession discovered;
    /** Set once it refused {@code server/discover}: it speaks only the session era. */
    private volatile boolean sessionEra;
    /** The revision it last answered in; null before. */
    private volatile String revision;

    UpstreamServer(String name, UpstreamConfig.Protocol protocol, StreamableHttpClient client, ObjectMapper mapper) {
        this.name = name;
        this.protocol = protocol;
        this.client = client;
        this.mapper = mapper;
        this.requests = new UpstreamRequests(name, mapper);
    }

    String name() {
        return name;
    }

    /** A session to send requests in: the discovered 2026-07-28 one, or a new session-era one. */
    UpstreamSession open() {
        UpstreamSession known = discovered;
        if (known != null) {
            return known;
        }
        if (!sessionEra && protocol != UpstreamConfig.Protocol.SESSION) {
            UpstreamSession found = discover();
            if (found != null) {
                discovered = found;
                revision = found.protocolVersion();
                return found;
            }
            if (protocol == UpstreamConfig.Protocol.STATELESS) {
                throw new UpstreamException("Upstream '" + name + "' does not speak " + StatelessUpstream.VERSION
                        + " (server/discover was refused), and switchboard.upstreams." + name
                        + ".protocol=stateless");
            }
            sessionEra = true;
        }
        return initialize();
    }

    /** The revision the upstream last answered in ({@code 2026-07-28}, or the session era's); null before. */
    String revision() {
        return revision;
    }

    /** Forgets which revision the upstream speaks, so the next {@link #open} asks again (an upgraded upstream). */
    void rediscover() {
        discovered = null;
        sessionEra = false;
    }

    /** {@code server/discover}: the upstream's capabilities when it speaks 2026-07-28, else null. */
    private UpstreamSession discover() {
        ObjectNode params = mapper.createObjectNode();
        StatelessUpstream.envelope(params, mapper);
        try {
            JsonNode result = result(
                    client.send(
                                    request("server/discover", params),
                                    null,
                                    StatelessUpstream.VERSION,
                                    new RefusingListener(client, requests, null))
                            .message(),
                    "server/discover");
            for (JsonNode version : result.path("supportedVersions")) {
                if (StatelessUpstream.VERSION.equals(version.asText())) {
                    return new UpstreamSession(null, StatelessUpstream.VERSION, result.path("capabilities"));
                }
            }
            return null;
        } catch (UpstreamUnreachable e) {
            throw e;
        } catch (UpstreamException e) {
            return null; // a session-era server: no session, unknown method or revision, or no usable answer
        }
    }

    private UpstreamSession initialize() {
        ObjectNode params = mapper.createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
        params.set("capabilities", StatelessUpstream.capabilities(mapper));
        params.set("clientInfo", StatelessUpstream.clientInfo(mapper));
        StreamableHttpClient.Answer answer =
                client.send(request("initialize", params), null, null, new RefusingListener(client, requests, null));
        JsonNode result = result(answer.message(), "initialize");
        UpstreamSession session = new UpstreamSession(
                answer.sessionId(),
                result.path("protocolVersion").asText(PROTOCOL_VERSION),
                result.path("capabilities"));
        client.send(notification("notifications/initialized"), session.id(), session.protocolVersion(), null);
        revision = session.protocolVersion();
        return session;
    }

    /** Ends a session the upstream named; a session-less upstream has nothing to end. */
    void close(UpstreamSession session) {
        if (session.id() != null) {
            client.delete(session.id(), session.protocolVersion());
        }
    }

    /** Everything the upstream lists, every page read. */
    UpstreamListing listing(UpstreamSession session) {
        return new UpstreamListing(tools(session), resources(session), resourceTemplates(session), prompts(session));
    }

    /** Every tool the upstream lists, all pages read. */
    List<JsonNode> tools(UpstreamSession session) {
        return list(session, "tools/list", "tools");
    }

    /** Every resource the upstream lists; none when it serves no resources. */
    List<JsonNode> resources(UpstreamSession session) {
        return session.serves("resources") ? list(session, "resources/list", "resources") : List.of();
    }

    /** Every resource template the upstream lists; none when it serves no resources. */
    List<JsonNode> resourceTemplates(UpstreamSession session) {
        return session.serves("resources") ? list(session, "resources/templates/list", "resourceTemplates") : List.of();
    }

    /** Every prompt the upstream lists; none when it serves no prompts. */
    List<JsonNode> prompts(UpstreamSession session) {
        return session.serves("prompts") ? list(session, "prompts/list", "prompts") : List.of();
    }

    /** Fills in one of the upstream's prompts: its {@code GetPromptResult}. */
    JsonNode prompt(UpstreamSession session, String prompt, JsonNode arguments) {
        ObjectNode params = mapper.createObjectNode().put("name", prompt);
        params.set("arguments", arguments);
        return ask(session, "prompts/get", params, "prompts/get " + prompt);
    }

    /** Reads one of the upstream's resources: its {@code ReadResourceResult}. */
    JsonNode read(UpstreamSession session, String uri) {
        return ask(session, "resources/read", mapper.createObjectNode().put("uri", uri), "resources/read " + uri);
    }

    private List<JsonNode> list(UpstreamSession session, String method, String field) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode params = mapper.createObjectNode();
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonNode result = ask(session, method, params, method);
            result.path(field).forEach(items::add);
            cursor = result.path("nextCursor").textValue();
            if (cursor == null) {
                return items;
            }
        }
        throw new UpstreamException("Upstream '" + name + "' lists more than " + MAX_PAGES + " pages of " + field);
    }

    /** One request outside a call, in {@code session}: its result. */
    private JsonNode ask(UpstreamSession session, String method, ObjectNode params, String what) {
        ObjectNode message = request(method, params, session);
        return result(
                client.send(
                                message,
                                session.id(),
                                session.protocolVersion(),
                                new RefusingListener(client, requests, session))
                        .message(),
                what);
    }

    /**
     * Calls one of the upstream's tools for {@code context}'s caller: the upstream's progress and log notifications
     * about the call reach the caller, its questions are asked of the caller (a request on the stream in the session
     * era; {@code input_required}, answered by calling again, in 2026-07-28), and a cancellation reaches the upstream
     * ({@code notifications/cancelled}; in 2026-07-28 by closing the stream).
     *
     * @param inputSchema the tool's schema, whose {@code x-mcp-header} arguments a 2026-07-28 call mirrors
     * @return the upstream's {@code CallToolResult}
     */
    JsonNode call(UpstreamSession session, String tool, JsonNode arguments, JsonNode inputSchema, ToolContext context) {
        ObjectNode params = mapper.createObjectNode().put("name", tool);
        params.set("arguments", arguments == null || arguments.isMissingNode() ? mapper.createObjectNode() : arguments);
        Map<String, String> headers =
                session.stateless() ? StatelessUpstream.paramHeaders(inputSchema, params.get("arguments")) : Map.of();
        AtomicReference<Closeable> stream = new AtomicReference<>();
        AtomicLong current = new AtomicLong();
        context.onCancel(() -> CompletableFuture.runAsync(() -> cancel(session, current.get(), stream.get())));
        for (int round = 0; ; round++) {
            ObjectNode message = request("tools/call", params, session);
            current.set(message.get("id").longValue());
            JsonNode meta = params.get("_meta");
            (meta instanceof ObjectNode object ? object : params.putObject("_meta"))
                    .put("progressToken", current.get());
            JsonNode result = result(
                    client.send(
                                    message,
                                    session.id(),
                                    session.protocolVersion(),
                                    headers,
                                    new CallListener(client, requests, session, context, stream))
                            .message(),
                    "tools/call " + tool);
            if (!session.stateless()
                    || !"input_required".equals(result.path("resultType").asText())) {
                return result;
            }
            if (round == MAX_INPUT_ROUNDS) {
                throw new UpstreamException("Upstream '" + name + "' asked for input more than " + MAX_INPUT_ROUNDS
                        + " times in one call of " + tool);
            }
            params.set("inputResponses", requests.inputResponses(result.path("inputRequests"), context));
            params.set("requestState", result.get("requestState"));
        }
    }

    /** Tells the upstream a call was cancelled; best effort. */
    private void cancel(UpstreamSession session, long requestId, Closeable stream) {
        try {
            if (session.stateless()) {
                if (stream != null) {
                    stream.close(); // 2026-07-28 cancels by closing the request's stream
                }
                return;
            }
            ObjectNode cancelled = notification("notifications/cancelled");
            cancelled.putObject("params").put("requestId", requestId).put("reason", "cancelled by the client");
            client.send(cancelled, session.id(), session.protocolVersion(), null);
        } catch (UpstreamException | java.io.IOException e) {
            // the call ends on our side anyway
        }
    }

    private JsonNode result(JsonNode response, String what) {
        return UpstreamResults.result(name, response, what);
    }

    /** A request; in 2026-07-28 its params carry the envelope. */
    private ObjectNode request(String method, ObjectNode params, UpstreamSession session) {
        if (session != null && session.stateless()) {
            StatelessUpstream.envelope(params, mapper);
        }
        return request(method, params);
    }

    private ObjectNode request(String method, ObjectNode params) {
        ObjectNode message = mapper.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet())
                .put("method", method);
        message.set("params", params);
        return message;
    }

    private ObjectNode notification(String method) {
        return mapper.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    }
}
