package dev.switchboard.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client side of the transport against a scripted HTTP server: what is sent, what is read, what is refused. */
class StreamableHttpClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpServer server;
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile Answer next;

    /** What the scripted server answers next. */
    private record Answer(int status, String contentType, String body, Map<String, String> headers) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer answer = next;
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private StreamableHttpClient client(int maxBytes) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
        return new StreamableHttpClient("scripted", config(url, maxBytes), MAPPER);
    }

    private static JsonNode request(int id) throws IOException {
        return MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}");
    }

    @Test
    void onlyTheConfiguredHeadersAreSentAndTheSessionIsKept() throws IOException {
        next = new Answer(
                200,
                "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
                Map.of("Mcp-Session-Id", "s-1"));
        StreamableHttpClient.Answer answer = client(1000).send(request(1), "s-0", "2025-11-25", null);
        assertEquals("s-1", answer.sessionId());
        assertEquals(1, answer.message().path("id").asInt());
        Map<String, List<String>> sent = headers.get(0);
        assertEquals(List.of("Bearer upstream-secret"), sent.get("Authorization"), "the configured credential");
        assertEquals(List.of("s-0"), sent.get("Mcp-session-id"));
        assertEquals(List.of("2025-11-25"), sent.get("Mcp-protocol-version"));
        assertEquals(List.of("application/json, text/event-stream"), sent.get("Accept"));
    }

    @Test
    void anSseAnswerIsReadToItsResponseAndTheUpstreamsRequestsAndNotificationsGoToTheListener() throws IOException {
        next = new Answer(
                200,
                "text/event-stream",
                "id: a\ndata: \n\n"
                        + "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                        + "\"params\":{\"progress\":1}}\n\n"
                        + "data: {\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"sampling/createMessage\"}\n\n"
                        + "data: {\"jsonrpc\":\"2.0\",\"id\":7,\r\ndata: \"result\":{\"ok\":true}}\r\n\r\n",
                Map.of());
        List<String> heard = new ArrayList<>();
        JsonNode response = client(10_000)
                .send(request(7), null, null, new StreamableHttpClient.Listener() {
                    @Override
                    public void notification(JsonNode message) {
                        heard.add("notification " + message.path("method").asText());
                    }

                    @Override
                    public void request(JsonNode message) {
                        heard.add("request " + message.path("method").asText());
                    }
                })
                .message();
        assertTrue(response.path("result").path("ok").asBoolean(), response.toString());
        assertEquals(List.of("notification notifications/progress", "request sampling/createMessage"), heard);
    }

    @Test
    void aLostSessionRedirectsLargeAnswersAndErrorsAreRefusedWithTheUpstreamNamed() throws IOException {
        StreamableHttpClient client = client(100);
        next = new Answer(404, null, "", Map.of());
        assertThrows(SessionLostException.class, () -> client.send(request(1), "gone", "2025-11-25", null));
        next = new Answer(302, null, "", Map.of("Location", "http://127.0.0.1:1/elsewhere"));
        assertEquals(
                "Upstream 'scripted' answered HTTP 302: ",
                assertThrows(UpstreamException.class, () -> client.send(request(2), null, null, null))
                        .getMessage());
        assertEquals(2, bodies.size(), "the redirect was not followed");
        next = new Answer(200, "application/json", "{\"result\":\"" + "x".repeat(200) + "\"}", Map.of());
        assertTrue(assertThrows(UpstreamException.class, () -> client.send(request(3), null, null, null))
                .getMessage()
                .contains("answered more than 100 bytes (switchboard.upstreams.scripted.max-response-bytes)"));
        next = new Answer(500, "text/plain", "boom", Map.of());
        assertEquals(
                "Upstream 'scripted' answered HTTP 500: boom",
                assertThrows(UpstreamException.class, () -> client.send(request(4), null, null, null))
                        .getMessage());
        next = new Answer(202, null, "", Map.of());
        assertNull(client.send(request(5), null, null, null).message());
    }

    private static UpstreamConfig.Upstream config(URI url, int maxBytes) {
        return new UpstreamConfig.Upstream() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public Optional<String> prefix() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> include() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> exclude() {
                return Optional.empty();
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Map<String, String> headers() {
                return Map.of("Authorization", "Bearer upstream-secret");
            }

            @Override
            public Optional<List<String>> scopes() {
                return Optional.empty();
            }

            @Override
            public int maxResponseBytes() {
                return maxBytes;
            }

            @Override
            public Duration refresh() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration lastKnownTtl() {
                return Duration.ofDays(1);
            }

            @Override
            public UpstreamConfig.Protocol protocol() {
                return UpstreamConfig.Protocol.AUTO;
            }

            @Override
            public UpstreamConfig.Breaker breaker() {
                throw new UnsupportedOperationException("the client has no breaker");
            }
        };
    }
}
