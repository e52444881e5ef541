package dev.switchboard.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.fuzz.JsonFuzz.Mutation;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the whole {@code /mcp} path against the packaged jar and a private redis-server: mutated
 * and random bodies, wrong types in every field, huge and deep values, invalid UTF-8 and bad headers, in the session
 * era (with a real session) and the stateless 2026-07-28 era. Whatever is sent, the answer must have a shape
 * {@link JsonRpcShape} accepts, and afterwards the server must still be ready and serve a tool call. Tries and seeds
 * are fixed, so a run is reproducible; {@code -Dfuzz.collect=true} logs every finding instead of stopping at the
 * first.
 */
class McpFuzzIT {

    private static final String SEED = "20261130";
    private static final boolean COLLECT = Boolean.getBoolean("fuzz.collect");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ACCEPT = "application/json, text/event-stream";

    private static final Map<String, AtomicInteger> CASES = new ConcurrentHashMap<>();
    /** Answers by HTTP status, and for JSON-RPC responses whether they carried a result or an error. */
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    private static final List<String> FINDINGS = java.util.Collections.synchronizedList(new ArrayList<>());

    private static RedisServerResource redis;
    private static ServiceProcess service;
    private static FuzzClient client;
    private static String session;
    private static String marchSession;
    private static String eventId;
    private static long started;

    @BeforeContainer
    static void start() throws Exception {
        started = System.nanoTime();
        redis = new RedisServerResource();
        redis.start();
        // Thousands of requests on two sessions: the production rate limits would answer most of them 429.
        service = ServiceProcess.start(
                ServiceProcess.freePort(), redis.url(), Map.of("SWITCHBOARD_RATE_LIMIT_ENABLED", "false"));
        client = new FuzzClient(service.url());
        session = openSession();
        marchSession = openSession("2025-03-26");
        Map<String, String> get = new LinkedHashMap<>(sessionHeaders(session));
        get.put("Accept", "text/event-stream");
        eventId = client.primingEventId(get);
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            if (service != null) {
                stillServing();
            }
        } finally {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int total = CASES.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.println("McpFuzzIT: " + total + " cases in " + seconds + " s, seed " + SEED + ", "
                    + new TreeMap<>(CASES) + ", answers " + new TreeMap<>(OUTCOMES) + ", findings " + FINDINGS.size());
            FINDINGS.forEach(finding -> System.out.println("McpFuzzIT finding: " + finding));
            if (client != null) {
                client.close();
            }
            if (service != null) {
                service.close();
            }
            if (redis != null) {
                redis.stop();
            }
        }
        if (!FINDINGS.isEmpty()) {
            fail(FINDINGS.size() + " findings, the first: " + FINDINGS.get(0));
        }
    }

    /** After the storm: ready, and a normal tool call in the fuzzed session still answers. */
    private static void stillServing() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        FuzzClient.Answer call = client.post(
                bytes("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{\"name\":\"weather.get\","
                        + "\"arguments\":{\"city\":\"Paris\"}}}"),
                sessionHeaders(session));
        assertEquals(200, call.status(), call.body());
        JsonNode result = Seeds.MAPPER.readTree(call.body()).path("result");
        assertEquals(false, result.path("isError").asBoolean(true), call.body());
        assertNotNull(result.get("structuredContent"), call.body());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Mutated messages

    @Property(tries = 400, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void mutatedSessionMessages(
            @ForAll("sessionSeeds") ObjectNode seed,
            @ForAll @Size(min = 1, max = 3) List<@From("mutations") Mutation> mutations)
            throws Exception {
        JsonNode body = JsonFuzz.mutate(seed, mutations);
        send("mutated-session", seed, body, sessionHeadersFor(seed));
    }

    @Property(tries = 300, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void mutatedStatelessRequests(
            @ForAll("statelessSeeds") ObjectNode seed,
            @ForAll @Size(min = 1, max = 3) List<@From("mutations") Mutation> mutations,
            @ForAll boolean headersFollowTheMutant)
            throws Exception {
        JsonNode body = JsonFuzz.mutate(seed, mutations);
        send("mutated-stateless", seed, body, statelessHeaders(headersFollowTheMutant ? body : seed));
    }

    /** 2025-03-26 sessions accept batches: arrays of mutated messages, each answered on its own. */
    @Property(tries = 150, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void mutatedBatches(
            @ForAll @Size(min = 1, max = 4) List<@From("sessionSeeds") ObjectNode> seeds,
            @ForAll @Size(max = 2) List<@From("mutations") Mutation> mutations)
            throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode batch = NODES.arrayNode();
        for (ObjectNode seed : seeds) {
            batch.add(JsonFuzz.mutate(seed, mutations));
        }
        Map<String, String> headers = new LinkedHashMap<>(sessionHeaders(marchSession));
        headers.put("MCP-Protocol-Version", "2025-03-26");
        check("mutated-batch", batch.toString(), client.post(bytes(batch.toString()), headers), "POST");
    }

    /** Every field of every seed, in turn, holds each JSON type. Exhaustive rather than sampled. */
    @Example
    void wrongTypeInEveryField() throws Exception {
        for (boolean stateless : new boolean[] {false, true}) {
            for (ObjectNode seed : stateless ? Seeds.STATELESS : Seeds.SESSION) {
                int slots = JsonFuzz.slots(seed).size();
                for (int i = 0; i < slots; i++) {
                    for (JsonNode wrong : Seeds.WRONG_TYPES) {
                        JsonNode body = seed.deepCopy();
                        JsonFuzz.set(JsonFuzz.slots(body).get(i), wrong.deepCopy());
                        send(
                                stateless ? "wrong-type-stateless" : "wrong-type-session",
                                seed,
                                body,
                                stateless ? statelessHeaders(seed) : sessionHeadersFor(seed));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Huge and deep values

    enum Shape {
        DEEP_ARRAYS,
        DEEP_OBJECTS,
        LONG_STRING,
        LONG_NUMBER,
        LONG_KEY,
        MANY_MEMBERS
    }

    record Huge(Shape shape, int size, String where) {}

    @Provide
    Arbitrary<Huge> huge() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 200)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(200, 20_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(20_000, 5_000_000)),
                // Just over the default body limit (4M): 413.
                net.jqwik.api.Tuple.of(1, Arbitraries.of(4 * 1024 * 1024 + 1, 4_500_000)));
        return Combinators.combine(
                        Arbitraries.of(Shape.class),
                        sizes,
                        Arbitraries.of("arguments", "_meta", "id", "params", "method"))
                .as(Huge::new);
    }

    @Property(tries = 80, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hugeAndDeepValues(@ForAll("huge") Huge huge, @ForAll boolean stateless) throws Exception {
        ObjectNode seed = stateless ? Seeds.STATELESS.get(2) : Seeds.SESSION.get(4);
        // Built as text: a tree this deep would overflow the test's own serialiser.
        String value = hugeValue(huge);
        String marker = "\"@@HUGE@@\"";
        ObjectNode body = seed.deepCopy();
        ObjectNode params = (ObjectNode) body.get("params");
        switch (huge.where()) {
            case "arguments" -> ((ObjectNode) params.get("arguments")).set("city", NODES.textNode("@@HUGE@@"));
            case "_meta" -> params.withObjectProperty("_meta").set("fuzz", NODES.textNode("@@HUGE@@"));
            case "id" -> body.set("id", NODES.textNode("@@HUGE@@"));
            case "params" -> body.set("params", NODES.textNode("@@HUGE@@"));
            default -> body.set("method", NODES.textNode("@@HUGE@@"));
        }
        byte[] bytes = bytes(body.toString().replace(marker, value));
        check(
                "huge",
                huge.shape() + " " + huge.size() + " in " + huge.where() + " (" + bytes.length + " bytes)",
                client.post(bytes, stateless ? statelessHeaders(seed) : sessionHeaders(session)),
                "POST");
    }

    private static String hugeValue(Huge huge) {
        int n = huge.size();
        return switch (huge.shape()) {
            case DEEP_ARRAYS -> "[".repeat(Math.min(n, 100_000)) + "]".repeat(Math.min(n, 100_000));
            case DEEP_OBJECTS -> "{\"a\":".repeat(Math.min(n, 100_000)) + "1" + "}".repeat(Math.min(n, 100_000));
            case LONG_STRING -> "\"" + "x".repeat(n) + "\"";
            case LONG_NUMBER -> "9".repeat(Math.min(n, 1_000_000));
            case LONG_KEY -> "{\"" + "k".repeat(n) + "\":1}";
            case MANY_MEMBERS -> {
                StringBuilder members = new StringBuilder("{");
                for (int i = 0; i < Math.min(n, 200_000); i++) {
                    members.append(i == 0 ? "" : ",")
                            .append("\"m")
                            .append(i)
                            .append("\":")
                            .append(i);
                }
                yield members.append('}').toString();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Invalid UTF-8 and random bytes

    private static final List<byte[]> BAD_UTF8 = List.of(
            new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0x80}, // lone continuation byte
            new byte[] {(byte) 0xE2, (byte) 0x82}, // truncated three-byte sequence
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            new byte[] {0x00});

    @Property(tries = 200, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void invalidUtf8(
            @ForAll("anySeed") ObjectNode seed,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 10_000) int position,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 7) int sequence,
            @ForAll boolean insideAString)
            throws Exception {
        byte[] body = bytes(seed.toString());
        int at = position % body.length;
        if (insideAString) { // just after an opening quote, where a parser reads text
            int quote = seed.toString().indexOf('"', at);
            at = quote < 0 ? at : quote + 1;
        }
        ByteArrayOutputStream mangled = new ByteArrayOutputStream();
        mangled.write(body, 0, at);
        mangled.write(BAD_UTF8.get(sequence));
        mangled.write(body, at, body.length - at);
        boolean stateless = Seeds.STATELESS.contains(seed);
        check(
                "invalid-utf8",
                seed + " with " + java.util.HexFormat.of().formatHex(BAD_UTF8.get(sequence)) + " at " + at,
                client.post(mangled.toByteArray(), stateless ? statelessHeaders(seed) : sessionHeadersFor(seed)),
                "POST");
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                JsonFuzz.values(4).map(node -> bytes(node.toString())),
                JsonFuzz.values(3).list().ofMinSize(1).ofMaxSize(4).map(list -> bytes(list.toString())));
    }

    @Property(tries = 200, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void arbitraryBodies(@ForAll("garbage") byte[] body, @ForAll boolean stateless) throws Exception {
        Map<String, String> headers = stateless ? statelessHeaders(Seeds.STATELESS.get(1)) : sessionHeaders(session);
        check("random-body", Base64.getEncoder().encodeToString(body), client.post(body, headers), "POST");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bad headers

    private static final List<String> HEADERS = List.of(
            "Accept",
            "Content-Type",
            "Mcp-Session-Id",
            "MCP-Protocol-Version",
            "Mcp-Method",
            "Mcp-Name",
            "Origin",
            "Last-Event-ID",
            "Mcp-Param-Workspace");

    @Provide
    Arbitrary<String> headerValues() {
        String stream = eventId.substring(0, eventId.lastIndexOf('_'));
        Arbitrary<String> eventIds = Arbitraries.of(
                        "_-1",
                        "_abc",
                        "_1-",
                        "_-",
                        "_99999999999999999999",
                        "_0-0",
                        "_1-2-3",
                        "_+",
                        "_ 1",
                        "_0_0",
                        "_9223372036854775807",
                        "_18446744073709551615-18446744073709551615",
                        "",
                        "_")
                .map(tail -> stream + tail);
        return Arbitraries.oneOf(
                eventIds,
                Arbitraries.of(
                        "",
                        " ",
                        "null",
                        "*/*",
                        "application/json",
                        "text/event-stream",
                        "text/html",
                        "application/json; charset=utf-16",
                        "application/json, text/event-stream;q=0",
                        "application/json;;;",
                        "2025-11-25",
                        "2025-03-26",
                        "2026-07-28",
                        "1999-01-01",
                        "tools/call",
                        "weather.get",
                        "=?base64?w6k=?=",
                        "=?base64?!!!?=",
                        "https://evil.example",
                        "http://localhost:1",
                        "file://",
                        "0",
                        "-1",
                        "abc-1-2",
                        "é\u00ff",
                        "a".repeat(10_000)),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60));
    }

    /** For each header: absent, the valid value, or a fuzzed one. */
    @Provide
    Arbitrary<List<Integer>> headerChoices() {
        return Arbitraries.integers().between(0, 2).list().ofSize(HEADERS.size());
    }

    @Property(tries = 400, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void badHeaders(
            @ForAll("httpMethods") String method,
            @ForAll boolean stateless,
            @ForAll("headerChoices") List<Integer> choices,
            @ForAll @Size(9) List<@From("headerValues") String> values)
            throws Exception {
        ObjectNode seed = stateless ? Seeds.STATELESS.get(2) : Seeds.SESSION.get(4);
        Map<String, String> valid = new LinkedHashMap<>(stateless ? statelessHeaders(seed) : sessionHeaders(session));
        if ("DELETE".equals(method)) {
            valid.put("Mcp-Session-Id", openSession()); // the fuzzed session must survive
        }
        valid.putIfAbsent("Origin", "http://localhost:8080");
        valid.putIfAbsent("Last-Event-ID", eventId);
        valid.putIfAbsent("Mcp-Session-Id", session);
        valid.putIfAbsent("Mcp-Method", "tools/call");
        valid.putIfAbsent("Mcp-Name", "weather.get");
        valid.putIfAbsent("Mcp-Param-Workspace", "ws-1");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            String name = HEADERS.get(i);
            switch (choices.get(i)) {
                case 1 -> headers.put(name, valid.get(name));
                case 2 -> headers.put(name, values.get(i));
                default -> {}
            }
        }
        FuzzClient.Answer answer;
        try {
            answer = switch (method) {
                case "GET" -> client.get(headers);
                case "DELETE" -> client.delete(headers);
                default -> client.post(bytes(seed.toString()), headers);
            };
        } catch (IllegalArgumentException unsendable) {
            CASES.computeIfAbsent("headers-unsendable", k -> new AtomicInteger())
                    .incrementAndGet();
            return; // a value java.net.http refuses to send (e.g. an empty Origin is fine, a raw 0xFF is not)
        }
        check("bad-headers-" + method.toLowerCase(java.util.Locale.ROOT), method + " " + headers, answer, method);
    }

    @Provide
    Arbitrary<String> httpMethods() {
        return Arbitraries.of("POST", "POST", "GET", "DELETE");
    }

    @Provide
    Arbitrary<ObjectNode> sessionSeeds() {
        return Arbitraries.of(Seeds.SESSION);
    }

    @Provide
    Arbitrary<ObjectNode> statelessSeeds() {
        return Arbitraries.of(Seeds.STATELESS);
    }

    @Provide
    Arbitrary<ObjectNode> anySeed() {
        List<ObjectNode> all = new ArrayList<>(Seeds.SESSION);
        all.addAll(Seeds.STATELESS);
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return JsonFuzz.mutations();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void send(String category, JsonNode seed, JsonNode body, Map<String, String> headers)
            throws Exception {
        check(category, body.toString(), client.post(bytes(body.toString()), headers), "POST");
    }

    private static void check(String category, String input, FuzzClient.Answer answer, String method) {
        CASES.computeIfAbsent(category, k -> new AtomicInteger()).incrementAndGet();
        OUTCOMES.computeIfAbsent(outcome(answer), k -> new AtomicInteger()).incrementAndGet();
        String problem = JsonRpcShape.problem(answer, method);
        if (problem != null) {
            String finding = category + ": " + problem + " <- " + JsonRpcShape.abbreviate(input);
            if (COLLECT) {
                FINDINGS.add(finding);
            } else {
                fail(finding);
            }
        }
    }

    private static String outcome(FuzzClient.Answer answer) {
        if (answer.status() != 200) {
            return Integer.toString(answer.status());
        }
        String last = answer.eventStream()
                ? (answer.events().isEmpty()
                        ? ""
                        : answer.events().get(answer.events().size() - 1))
                : answer.body();
        return (answer.eventStream() ? "200-sse-" : "200-") + (last.contains("\"error\":{") ? "error" : "result");
    }

    private static Map<String, String> sessionHeadersFor(JsonNode seed) {
        return "initialize".equals(seed.path("method").textValue())
                ? Map.of("Content-Type", "application/json", "Accept", ACCEPT)
                : sessionHeaders(session);
    }

    private static Map<String, String> sessionHeaders(String sessionId) {
        return Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                ACCEPT,
                "Mcp-Session-Id",
                sessionId,
                "MCP-Protocol-Version",
                Seeds.SESSION_VERSION);
    }

    /** The headers a 2026-07-28 client derives from {@code body}: Mcp-Method, and Mcp-Name where it applies. */
    private static Map<String, String> statelessHeaders(JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", ACCEPT);
        headers.put("MCP-Protocol-Version", Seeds.STATELESS_VERSION);
        JsonNode method = body.path("method");
        if (method.isTextual()) {
            headers.put("Mcp-Method", headerSafe(method.textValue()));
        }
        JsonNode name = body.path("params").path("name");
        if (name.isTextual()) {
            headers.put("Mcp-Name", headerSafe(name.textValue()));
        }
        return headers;
    }

    private static String headerSafe(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)
                ? value
                : "=?base64?" + Base64.getEncoder().encodeToString(bytes(value)) + "?=";
    }

    private static String openSession() throws IOException, InterruptedException {
        return openSession(Seeds.SESSION_VERSION);
    }

    private static String openSession(String version) throws IOException, InterruptedException {
        ObjectNode initialize = Seeds.SESSION.get(0).deepCopy();
        ((ObjectNode) initialize.get("params")).put("protocolVersion", version);
        FuzzClient.Answer init =
                client.post(bytes(initialize.toString()), Map.of("Content-Type", "application/json", "Accept", ACCEPT));
        assertEquals(200, init.status(), init.body());
        String id = init.sessionId();
        client.post(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), sessionHeaders(id));
        return id;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
