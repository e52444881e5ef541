package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolContext;
import java.util.ArrayList;
import java.util.List;

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

    private final String name;
    private final StreamableHttpClient client;
    private final ObjectMapper mapper;
    private final UpstreamMessages messages;
    private final UpstreamCalls calls;
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
        this.messages = new UpstreamMessages(mapper);
        this.calls = new UpstreamCalls(name, client, requests, messages);
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
                                    messages.request("server/discover", params, null),
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
        StreamableHttpClient.Answer answer = client.send(
                messages.request("initialize", params, null), null, null, new RefusingListener(client, requests, null));
        JsonNode result = result(answer.message(), "initialize");
        UpstreamSession session = new UpstreamSession(
                answer.sessionId(),
                result.path("protocolVersion").asText(PROTOCOL_VERSION),
                result.path("capabilities"));
        client.send(messages.notification("notifications/initialized"), session.id(), session.protocolVersion(), null);
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

    /**
     * Suggestions for a prompt argument or template variable ({@code completion/complete}); none when the upstream
     * serves no completions.
     *
     * @param ref {@code {"type":"ref/prompt","name":...}} or {@code {"type":"ref/resource","uri":...}}, its names
     */
    List<String> complete(UpstreamSession session, ObjectNode ref, String argument, String value) {
        if (!session.serves("completions")) {
            return List.of();
        }
        ObjectNode params = mapper.createObjectNode();
        params.set("ref", ref);
        params.putObject("argument").put("name", argument).put("value", value);
        List<String> values = new ArrayList<>();
        ask(session, "completion/complete", params, "completion/complete")
                .path("completion")
                .path("values")
                .forEach(item -> values.add(item.asText()));
        return values;
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
        ObjectNode message = messages.request(method, params, session);
        return result(
                client.send(
                                message,
                                session.id(),
                                session.protocolVersion(),
                                new RefusingListener(client, requests, session))
                        .message(),
                what);
    }

    /** Calls one of the upstream's tools for {@code context}'s caller (see {@link UpstreamCalls}). */
    JsonNode call(UpstreamSession session, JsonNode tool, JsonNode arguments, ToolContext context) {
        return calls.call(session, tool, arguments, context);
    }

    private JsonNode result(JsonNode response, String what) {
        return UpstreamResults.result(name, response, what);
    }
}
