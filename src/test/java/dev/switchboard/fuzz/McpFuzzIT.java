package dev.switchboard.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.fuzz.Credentials.Credential;
import dev.switchboard.fuzz.Credentials.Verdict;
import dev.switchboard.fuzz.FuzzRun.Case;
import dev.switchboard.fuzz.JsonFuzz.Mutation;
import dev.switchboard.testing.AuthServerStub;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the whole {@code /mcp} path against the packaged jar and a private redis-server: mutated and random
 * bodies, wrong types in every field, huge and deep values, invalid UTF-8 and bad headers, in the session era (with a
 * real session) and the stateless 2026-07-28 era. Whatever is sent, the answer must have a shape {@link JsonRpcShape}
 * accepts, and afterwards the server must still be ready and serve a tool call.
 *
 * <p>A second jar runs with authorization on, against an authorization server played by WireMock: its
 * {@code Authorization} headers are fuzzed ({@link Credentials}) with valid and random bodies, and so are the paths of
 * its protected-resource metadata.
 *
 * <p>Every case is made from a {@link java.util.Random} derived from a fixed seed, so a run is reproducible; see
 * {@link FuzzRun} for {@code -Dfuzz.seed}, {@code -Dfuzz.case} and {@code -Dfuzz.collect}.
 *
 * <p>The build runs the quick mode, {@link #QUICK_CASES} of each sampled category plus every wrong type in every
 * field (5,386 cases). {@code -Dfuzz.cases=N} is the long mode: every sampled category grows by the same factor so
 * that the run has at least N cases (scripts/reliability-fuzz.sh runs 100,000); a case replayed with
 * {@code -Dfuzz.case} past its category's quick count needs the same {@code -Dfuzz.cases}.
 */
class McpFuzzIT {

    private static final long DEFAULT_SEED = 20261130L;

    /** Cases of each sampled category in the quick mode the build runs. */
    static final Map<String, Integer> QUICK_CASES = Map.of(
            "mutated-session", 400,
            "mutated-stateless", 300,
            "mutated-batch", 150,
            "huge", 80,
            "invalid-utf8", 200,
            "random-body", 200,
            "bad-headers", 400,
            "auth", 500,
            "metadata", 300);

    /** How many times the quick count each sampled category runs: 1, or more for -Dfuzz.cases. */
    private static final double SCALE = scale(Integer.getInteger("fuzz.cases", 0));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String METADATA_URL = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";
    private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private static final FuzzRun RUN = FuzzRun.fromSystemProperties(DEFAULT_SEED);

    /** The factor that gives at least {@code target} cases in all, the exhaustive wrong-type cases included. */
    private static double scale(int target) {
        int exhaustive = 0;
        for (List<ObjectNode> seeds : List.of(Seeds.SESSION, Seeds.STATELESS)) {
            for (ObjectNode seed : seeds) {
                exhaustive += JsonFuzz.slots(seed).size() * Seeds.WRONG_TYPES.size();
            }
        }
        int sampled = QUICK_CASES.values().stream().mapToInt(Integer::intValue).sum();
        return Math.max(1.0, (target - exhaustive) / (double) sampled);
    }

    /** The cases {@code category} runs in this mode. */
    private static int cases(String category) {
        return (int) Math.ceil(QUICK_CASES.get(category) * SCALE);
    }

    private static RedisServerResource redis;
    private static ServiceProcess service;
    private static FuzzClient client;
    private static String session;
    private static String marchSession;
    private static String eventId;

    /** The second jar, with authorization on. */
    private static WireMockServer authServer;

    private static ServiceProcess guarded;
    private static FuzzClient guardedClient;
    private static Credentials credentials;
    private static String guardedSession;
    private static long started;

    @BeforeAll
    static void start() throws Exception {
        started = System.nanoTime();
        redis = new RedisServerResource();
        redis.start();
        // Thousands of requests on two sessions: the production rate limits would answer most of them 429.
        service = ServiceProcess.start(
                ServiceProcess.freePort(), redis.url(), Map.of("SWITCHBOARD_RATE_LIMIT_ENABLED", "false"));
        client = new FuzzClient(service.url());
        session = openSession(client, Seeds.SESSION_VERSION, Map.of());
        marchSession = openSession(client, "2025-03-26", Map.of());
        Map<String, String> get = new LinkedHashMap<>(sessionHeaders(session));
        get.put("Accept", "text/event-stream");
        eventId = client.primingEventId(get);

        authServer = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        authServer.start();
        credentials = new Credentials(AuthServerStub.serveKeys(authServer, AuthServerStub.RESOURCE));
        guarded = ServiceProcess.start(
                ServiceProcess.freePort(),
                redis.url(),
                Map.of(
                        "SWITCHBOARD_AUTH_ENABLED", "true",
                        "SWITCHBOARD_AUTH_ISSUER", authServer.baseUrl() + "/realms/test",
                        "SWITCHBOARD_AUTH_RESOURCE", AuthServerStub.RESOURCE,
                        "SWITCHBOARD_RATE_LIMIT_ENABLED", "false",
                        // Fuzzed initialize requests open sessions for the one fuzz principal.
                        "SWITCHBOARD_SESSION_QUOTA_MAX_PER_PRINCIPAL", "0",
                        "SWITCHBOARD_SESSIONS_REDIS_KEY_PREFIX", "fuzz-guarded"));
        guardedClient = new FuzzClient(guarded.url());
        guardedSession = openSession(guardedClient, Seeds.SESSION_VERSION, bearer(credentials.admitted()));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (service != null) {
                stillServing(service, client, session, Map.of());
            }
            if (guarded != null) {
                stillServing(guarded, guardedClient, guardedSession, bearer(credentials.admitted()));
            }
        } finally {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.println("McpFuzzIT: " + RUN.summary(seconds));
            System.out.println("McpFuzzIT figures: " + RUN.figures(seconds));
            RUN.findings().forEach(finding -> System.out.println("McpFuzzIT finding: " + finding));
            for (AutoCloseable closeable : new AutoCloseable[] {client, service, guardedClient, guarded}) {
                if (closeable != null) {
                    closeable.close();
                }
            }
            if (authServer != null) {
                authServer.stop();
            }
            if (redis != null) {
                redis.stop();
            }
        }
        if (!RUN.findings().isEmpty()) {
            fail(RUN.findings().size() + " findings, the first: "
                    + RUN.findings().get(0));
        }
    }

    /** After the storm: ready, and a normal tool call in the fuzzed session still answers. */
    private static void stillServing(
            ServiceProcess process, FuzzClient fuzzClient, String sessionId, Map<String, String> authorization)
            throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(process.managementUrl() + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        Map<String, String> headers = new LinkedHashMap<>(sessionHeaders(sessionId));
        headers.putAll(authorization);
        FuzzClient.Answer call = fuzzClient.send(FuzzRequest.post(
                bytes("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{\"name\":\"weather.get\","
                        + "\"arguments\":{\"city\":\"Paris\"}}}"),
                headers));
        assertEquals(200, call.status(), call.body());
        JsonNode result = Seeds.MAPPER.readTree(call.body()).path("result");
        assertEquals(false, result.path("isError").asBoolean(true), call.body());
        assertNotNull(result.get("structuredContent"), call.body());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Mutated messages

    private static final Gen<ObjectNode> SESSION_SEEDS = Gen.of(Seeds.SESSION);
    private static final Gen<ObjectNode> STATELESS_SEEDS = Gen.of(Seeds.STATELESS);
    private static final Gen<List<Mutation>> MUTATIONS = JsonFuzz.mutations().list(1, 3);

    @Test
    void mutatedSessionMessages() throws Exception {
        RUN.cases("mutated-session", cases("mutated-session"), fuzzCase -> {
            ObjectNode seed = SESSION_SEEDS.next(fuzzCase.random());
            JsonNode body = JsonFuzz.mutate(seed, MUTATIONS.next(fuzzCase.random()));
            exchange(fuzzCase, FuzzRequest.post(bytes(body.toString()), sessionHeadersFor(seed)));
        });
    }

    @Test
    void mutatedStatelessRequests() throws Exception {
        RUN.cases("mutated-stateless", cases("mutated-stateless"), fuzzCase -> {
            Random random = fuzzCase.random();
            ObjectNode seed = STATELESS_SEEDS.next(random);
            JsonNode body = JsonFuzz.mutate(seed, MUTATIONS.next(random));
            boolean headersFollowTheMutant = random.nextBoolean();
            exchange(
                    fuzzCase,
                    FuzzRequest.post(bytes(body.toString()), statelessHeaders(headersFollowTheMutant ? body : seed)));
        });
    }

    /** 2025-03-26 sessions accept batches: arrays of mutated messages, each answered on its own. */
    @Test
    void mutatedBatches() throws Exception {
        Gen<List<ObjectNode>> seeds = SESSION_SEEDS.list(1, 4);
        Gen<List<Mutation>> mutations = JsonFuzz.mutations().list(0, 2);
        RUN.cases("mutated-batch", cases("mutated-batch"), fuzzCase -> {
            ArrayNode batch = NODES.arrayNode();
            List<Mutation> applied = mutations.next(fuzzCase.random());
            for (ObjectNode seed : seeds.next(fuzzCase.random())) {
                batch.add(JsonFuzz.mutate(seed, applied));
            }
            Map<String, String> headers = new LinkedHashMap<>(sessionHeaders(marchSession));
            headers.put("MCP-Protocol-Version", "2025-03-26");
            exchange(fuzzCase, FuzzRequest.post(bytes(batch.toString()), headers));
        });
    }

    /** Every field of every seed, in turn, holds each JSON type. Exhaustive rather than sampled. */
    @Test
    void wrongTypeInEveryField() throws Exception {
        for (boolean stateless : new boolean[] {false, true}) {
            String category = stateless ? "wrong-type-stateless" : "wrong-type-session";
            int index = 0;
            for (ObjectNode seed : stateless ? Seeds.STATELESS : Seeds.SESSION) {
                int slots = JsonFuzz.slots(seed).size();
                for (int i = 0; i < slots; i++) {
                    for (JsonNode wrong : Seeds.WRONG_TYPES) {
                        Case fuzzCase = RUN.at(category, index++);
                        if (fuzzCase == null) {
                            continue;
                        }
                        JsonNode body = seed.deepCopy();
                        JsonFuzz.set(JsonFuzz.slots(body).get(i), wrong.deepCopy());
                        exchange(
                                fuzzCase,
                                FuzzRequest.post(
                                        bytes(body.toString()),
                                        stateless ? statelessHeaders(seed) : sessionHeadersFor(seed)));
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

    private static final Gen<Huge> HUGE = random -> new Huge(
            Gen.of(Shape.values()).next(random),
            Gen.frequency(List.of(
                            Gen.weighted(3, Gen.ints(1, 200)),
                            Gen.weighted(3, Gen.ints(200, 20_000)),
                            Gen.weighted(1, Gen.ints(20_000, 5_000_000)),
                            // Just over the default body limit (4M): 413.
                            Gen.weighted(1, Gen.of(4 * 1024 * 1024 + 1, 4_500_000))))
                    .next(random),
            Gen.of("arguments", "_meta", "id", "params", "method").next(random));

    @Test
    void hugeAndDeepValues() throws Exception {
        RUN.cases("huge", cases("huge"), fuzzCase -> {
            Huge huge = HUGE.next(fuzzCase.random());
            boolean stateless = fuzzCase.random().nextBoolean();
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
            exchange(fuzzCase, FuzzRequest.post(bytes, stateless ? statelessHeaders(seed) : sessionHeaders(session)));
        });
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

    private static final Gen<ObjectNode> ANY_SEED =
            random -> random.nextBoolean() ? SESSION_SEEDS.next(random) : STATELESS_SEEDS.next(random);

    @Test
    void invalidUtf8() throws Exception {
        RUN.cases("invalid-utf8", cases("invalid-utf8"), fuzzCase -> {
            Random random = fuzzCase.random();
            ObjectNode seed = ANY_SEED.next(random);
            int position = random.nextInt(10_001);
            byte[] sequence = BAD_UTF8.get(random.nextInt(BAD_UTF8.size()));
            boolean insideAString = random.nextBoolean();
            byte[] body = bytes(seed.toString());
            int at = position % body.length;
            if (insideAString) { // just after an opening quote, where a parser reads text
                int quote = seed.toString().indexOf('"', at);
                at = quote < 0 ? at : quote + 1;
            }
            ByteArrayOutputStream mangled = new ByteArrayOutputStream();
            mangled.write(body, 0, at);
            mangled.write(sequence);
            mangled.write(body, at, body.length - at);
            boolean stateless = Seeds.STATELESS.contains(seed);
            exchange(
                    fuzzCase,
                    FuzzRequest.post(
                            mangled.toByteArray(), stateless ? statelessHeaders(seed) : sessionHeadersFor(seed)));
        });
    }

    private static final Gen<byte[]> GARBAGE = Gen.oneOf(
            Gen.bytes(300),
            JsonFuzz.values(4).map(node -> bytes(node.toString())),
            JsonFuzz.values(3).list(1, 4).map(list -> bytes(list.toString())));

    @Test
    void arbitraryBodies() throws Exception {
        RUN.cases("random-body", cases("random-body"), fuzzCase -> {
            byte[] body = GARBAGE.next(fuzzCase.random());
            Map<String, String> headers = fuzzCase.random().nextBoolean()
                    ? statelessHeaders(Seeds.STATELESS.get(1))
                    : sessionHeaders(session);
            exchange(fuzzCase, FuzzRequest.post(body, headers));
        });
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

    private static Gen<String> headerValues() {
        String stream = eventId.substring(0, eventId.lastIndexOf('_'));
        Gen<String> eventIds = Gen.of(
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
        return Gen.oneOf(
                eventIds,
                Gen.of(
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
                Gen.strings('!', '~', 60));
    }

    /** For each header: absent (0), the valid value (1), or a fuzzed one (2). */
    @Test
    void badHeaders() throws Exception {
        Gen<String> methods = Gen.of("POST", "POST", "GET", "DELETE");
        Gen<List<Integer>> choices = Gen.ints(0, 2).list(HEADERS.size(), HEADERS.size());
        Gen<List<String>> values = headerValues().list(HEADERS.size(), HEADERS.size());
        RUN.cases("bad-headers", cases("bad-headers"), fuzzCase -> {
            Random random = fuzzCase.random();
            String method = methods.next(random);
            boolean stateless = random.nextBoolean();
            List<Integer> choice = choices.next(random);
            List<String> value = values.next(random);
            ObjectNode seed = stateless ? Seeds.STATELESS.get(2) : Seeds.SESSION.get(4);
            Map<String, String> valid =
                    new LinkedHashMap<>(stateless ? statelessHeaders(seed) : sessionHeaders(session));
            if ("DELETE".equals(method)) {
                valid.put("Mcp-Session-Id", openSession(client, Seeds.SESSION_VERSION, Map.of())); // keep `session`
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
                switch (choice.get(i)) {
                    case 1 -> headers.put(name, valid.get(name));
                    case 2 -> headers.put(name, value.get(i));
                    default -> {}
                }
            }
            FuzzRequest request = switch (method) {
                case "GET" -> FuzzRequest.get(headers);
                case "DELETE" -> FuzzRequest.delete(headers);
                default -> FuzzRequest.post(bytes(seed.toString()), headers);
            };
            exchange(fuzzCase, "bad-headers-" + method.toLowerCase(Locale.ROOT), request);
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Authorization (the second jar)

    /** What a request to the guarded server carries besides its credential. */
    private static final Gen<FuzzRequest> GUARDED_REQUESTS = Gen.frequency(List.of(
            Gen.weighted(3, random -> {
                ObjectNode seed = STATELESS_SEEDS.next(random);
                return FuzzRequest.post(bytes(seed.toString()), statelessHeaders(seed));
            }),
            Gen.weighted(3, random -> {
                ObjectNode seed = SESSION_SEEDS.next(random);
                return FuzzRequest.post(bytes(seed.toString()), guardedSessionHeadersFor(seed));
            }),
            Gen.weighted(2, random -> {
                ObjectNode seed = STATELESS_SEEDS.next(random);
                JsonNode body = JsonFuzz.mutate(seed, MUTATIONS.next(random));
                return FuzzRequest.post(bytes(body.toString()), statelessHeaders(body));
            }),
            Gen.weighted(1, random -> FuzzRequest.post(GARBAGE.next(random), statelessHeaders(Seeds.STATELESS.get(1)))),
            Gen.weighted(1, random -> FuzzRequest.get(Map.of("Accept", "text/event-stream"))),
            Gen.weighted(1, random -> FuzzRequest.delete(sessionHeaders(guardedSession)))));

    @Test
    void authorization() throws Exception {
        Gen<Credential> credentialGen = credentials.all();
        RUN.cases("auth", cases("auth"), fuzzCase -> {
            Credential credential = credentialGen.next(fuzzCase.random());
            FuzzRequest plain = GUARDED_REQUESTS.next(fuzzCase.random());
            if ("DELETE".equals(plain.method()) && credential.verdict() != Verdict.INVALID) {
                // A DELETE that may be admitted ends its session: never the one the fuzzing uses.
                plain = FuzzRequest.delete(sessionHeaders(
                        openSession(guardedClient, Seeds.SESSION_VERSION, bearer(credentials.admitted()))));
            }
            List<FuzzRequest.Header> headers = new ArrayList<>(plain.headers());
            credential.values().forEach(value -> headers.add(new FuzzRequest.Header("Authorization", value)));
            FuzzRequest request = new FuzzRequest(plain.method(), plain.path(), headers, plain.body());
            FuzzClient.Answer answer = send(guardedClient, fuzzCase, request);
            if (answer == null) {
                return;
            }
            String label = "auth-" + credential.kind().replaceAll("\\[.*", "");
            if (credential.verdict() == Verdict.REFUSED_OR_ADMITTED) { // the summary tells which Quarkus chose
                label += answer.status() == 401 ? "-refused" : "-admitted";
            }
            RUN.count(label, outcome(answer));
            String problem = authProblem(credential, answer, request.method());
            if (problem != null) {
                RUN.finding(fuzzCase, credential.kind() + " (" + credential.verdict() + "): " + problem, request);
            }
        });
    }

    private static final Set<Integer> UNAUTHORIZED = Set.of(401);

    /** Refusals where the credential deserves them, normal MCP behaviour where it does not. */
    private static String authProblem(Credential credential, FuzzClient.Answer answer, String method) {
        int status = answer.status();
        Verdict verdict = credential.verdict();
        if (status >= 500) {
            return JsonRpcShape.problem(answer, method);
        }
        if (status == 431 && credential.values().stream().anyMatch(value -> value.length() > 8_000)) {
            return null; // over quarkus.http.limits.max-header-size, refused by Vert.x before any check
        }
        String challenge = answer.wwwAuthenticate();
        if (status == 401) {
            if (verdict == Verdict.ADMITTED || verdict == Verdict.FORBIDDEN) {
                return "401 for a valid token: " + challenge;
            }
            if (challenge == null
                    || !challenge.startsWith("Bearer")
                    || !challenge.contains("resource_metadata=\"" + METADATA_URL + "\"")) {
                return "401 without the Bearer challenge naming the metadata: " + challenge;
            }
            if (verdict == Verdict.INVALID && !challenge.contains("error=\"invalid_token\"")) {
                return "401 without error=\"invalid_token\": " + challenge;
            }
            return answer.body().isEmpty()
                    ? "401 without a JSON-RPC error"
                    : JsonRpcShape.problem(answer, method, UNAUTHORIZED);
        }
        if (verdict == Verdict.REFUSED || verdict == Verdict.INVALID) {
            return "HTTP " + status + " where 401 belongs: " + JsonRpcShape.abbreviate(answer.body());
        }
        if (verdict == Verdict.FORBIDDEN && status != 403) {
            return "HTTP " + status + " to a token without the scope mcp, where 403 belongs";
        }
        if (status == 403
                && (challenge == null
                        || !challenge.startsWith("Bearer")
                        || !challenge.contains("error=\"insufficient_scope\"")
                        || !challenge.contains("resource_metadata=\"" + METADATA_URL + "\"")
                        || answer.body().isEmpty())) {
            return "403 without the insufficient_scope challenge or a JSON-RPC error: " + challenge;
        }
        return JsonRpcShape.problem(answer, method); // admitted: the checks of every other category
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Protected-resource metadata paths

    /** Suffixes of the well-known path: the two served ones, near misses, and random segments. */
    private static final Gen<String> SUFFIXES = Gen.oneOf(
            Gen.of(
                    "",
                    "/mcp",
                    "/",
                    "/mcp/",
                    "//mcp",
                    "/mcp//",
                    "/MCP",
                    "/mcp2",
                    "/mc",
                    "/mcp/x",
                    "/x/mcp",
                    "/mcp;x=1",
                    "/mcp%2F",
                    "/%6Dcp",
                    "/mcp%00",
                    "/mcp%20",
                    "/./mcp",
                    "/x/../mcp",
                    "/..",
                    "/../.well-known/oauth-protected-resource",
                    "/mcp?x=1",
                    "?resource=https://evil.example",
                    "/mcp/.well-known/oauth-protected-resource",
                    "-mcp",
                    ".json",
                    "/" + "m".repeat(5000)),
            Gen.strings('a', 'z', 12).map(segment -> "/" + segment),
            Gen.strings('a', 'z', 6).list(1, 4).map(segments -> "/" + String.join("/", segments)),
            random -> "/" + Gen.strings('!', '~', 30).next(random).replaceAll("[^A-Za-z0-9._~!$&'()*+,;=:@/-]", ""));

    @Test
    void metadataPaths() throws Exception {
        Gen<String> methods = Gen.frequency(List.of(
                Gen.weighted(8, Gen.constant("GET")), Gen.weighted(1, Gen.of("POST", "DELETE", "PUT", "HEAD"))));
        RUN.cases("metadata", cases("metadata"), fuzzCase -> {
            String suffix = SUFFIXES.next(fuzzCase.random());
            String method = methods.next(fuzzCase.random());
            boolean authOn = fuzzCase.random().nextInt(4) > 0;
            FuzzRequest request = new FuzzRequest(method, WELL_KNOWN + suffix, List.of(), new byte[0]);
            FuzzClient.Answer answer = send(authOn ? guardedClient : client, fuzzCase, request);
            if (answer == null) {
                return;
            }
            RUN.count("metadata-" + (authOn ? "auth-on" : "auth-off"), outcome(answer));
            String problem = metadataProblem(answer, method, authOn && served(suffix));
            if (problem != null) {
                RUN.finding(fuzzCase, (authOn ? "auth on: " : "auth off: ") + problem, request);
            }
        });
    }

    /**
     * Whether the suffix names one of the two documents once the path is read as the server reads it: the query set
     * aside, dot segments removed and unreserved characters decoded (RFC 3986), and, as JAX-RS matches, matrix
     * parameters and trailing slashes ignored (an encoded slash ends up a trailing one).
     */
    private static boolean served(String suffix) {
        String path = (WELL_KNOWN + suffix)
                .replaceAll("\\?.*", "")
                .replaceAll(";[^/]*", "")
                .replace("%6D", "m")
                .replace("%2F", "/");
        String normalized = URI.create(path).normalize().getRawPath().replaceAll("/+$", "");
        return normalized.equals(WELL_KNOWN) || normalized.equals(WELL_KNOWN + "/mcp");
    }

    private static String metadataProblem(FuzzClient.Answer answer, String method, boolean served) {
        int status = answer.status();
        if (status >= 500) {
            return "HTTP " + status + ": " + JsonRpcShape.abbreviate(answer.body());
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            // 414: a request line over the limit is refused before its method is looked at
            return status == 405 || status == 404 || status == 414
                    ? null
                    : "HTTP " + status + " to " + method + ", not 404 or 405";
        }
        if (served) {
            if (status != 200) {
                return "HTTP " + status + " where the metadata belongs";
            }
            if ("GET".equals(method) && !answer.body().contains("\"resource\":\"" + AuthServerStub.RESOURCE + "\"")) {
                return "200 without the metadata: " + JsonRpcShape.abbreviate(answer.body());
            }
            return null;
        }
        // 414: a suffix longer than the request line may be
        return status == 404 || status == 400 || status == 414 ? null : "HTTP " + status + " where 404 belongs";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static FuzzClient.Answer exchange(Case fuzzCase, FuzzRequest request) throws InterruptedException {
        return exchange(fuzzCase, fuzzCase.category(), request);
    }

    /** Sends a case to the first jar and checks the answer's shape; null when there was no answer to check. */
    private static FuzzClient.Answer exchange(Case fuzzCase, String label, FuzzRequest request)
            throws InterruptedException {
        FuzzClient.Answer answer = send(client, fuzzCase, request);
        if (answer == null) {
            return null;
        }
        RUN.count(label, outcome(answer));
        String problem = JsonRpcShape.problem(answer, request.method());
        if (problem != null) {
            RUN.finding(fuzzCase, problem, request);
        }
        return answer;
    }

    /** Sends a case: a request java.net.http refuses to send is counted, a hang or a reset is a finding. */
    private static FuzzClient.Answer send(FuzzClient fuzzClient, Case fuzzCase, FuzzRequest request)
            throws InterruptedException {
        try {
            return fuzzClient.send(request);
        } catch (IllegalArgumentException unsendable) {
            // e.g. a raw 0xFF in a header value; an empty Origin is fine
            RUN.count(fuzzCase.category() + "-unsendable", "unsent");
            return null;
        } catch (IOException e) {
            RUN.finding(fuzzCase, "no answer: " + e, request);
            return null;
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

    private static Map<String, String> guardedSessionHeadersFor(JsonNode seed) {
        return "initialize".equals(seed.path("method").textValue())
                ? Map.of("Content-Type", "application/json", "Accept", ACCEPT)
                : sessionHeaders(guardedSession);
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

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String openSession(FuzzClient fuzzClient, String version, Map<String, String> authorization)
            throws IOException, InterruptedException {
        ObjectNode initialize = Seeds.SESSION.get(0).deepCopy();
        ((ObjectNode) initialize.get("params")).put("protocolVersion", version);
        Map<String, String> headers = new LinkedHashMap<>(authorization);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", ACCEPT);
        FuzzClient.Answer init = fuzzClient.send(FuzzRequest.post(bytes(initialize.toString()), headers));
        assertEquals(200, init.status(), init.body());
        String id = init.sessionId();
        Map<String, String> initialized = new LinkedHashMap<>(sessionHeaders(id));
        initialized.putAll(authorization);
        fuzzClient.send(
                FuzzRequest.post(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), initialized));
        return id;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
