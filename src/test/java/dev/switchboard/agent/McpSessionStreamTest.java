package dev.switchboard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.testing.SharedApp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's session against a scripted MCP server that answers in SSE streams and keeps them open after the
 * response, as the specification allows: the agent takes the response as it arrives and never waits for the end.
 */
@QuarkusTest
@SharedApp
class McpSessionStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How long the scripted server holds a stream open: far past any wait the assertions allow. */
    private static final long HOLD_SECONDS = 30;
    /** switchboard.agent.mcp-timeout, short. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Vertx vertx;

    private HttpServer server;
    private ExecutorService threads;
    private final CountDownLatch release = new CountDownLatch(1);
    /** How the scripted server answers tools/call. */
    private volatile String callAnswer;

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/mcp", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode message = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        String method = message.path("method").asText();
        int id = message.path("id").asInt();
        if (method.startsWith("notifications/")) {
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Mcp-Session-Id", "scripted-session");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // A notification first, as servers send progress and log messages before the response.
        event(
                out,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\""
                        + method + "\"}}");
        switch (method) {
            case "initialize" ->
                event(
                        out,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + id
                                + ",\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                                + "\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1\"}}}");
            case "tools/list" ->
                event(
                        out,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + id
                                + ",\"result\":{\"tools\":[{\"name\":\"echo\",\"inputSchema\":{\"type\":\"object\"}}]}}");
            case "tools/call" -> {
                switch (callAnswer) {
                    case "answer" ->
                        event(
                                out,
                                "{\"jsonrpc\":\"2.0\",\"id\":" + id
                                        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"echoed\"}]}}");
                    case "end" -> {
                        out.close(); // the stream ends with no response
                        return;
                    }
                    case "keep-alive" -> keepAlive(out); // comments only, never the response
                    default -> {} // silent: nothing more is sent
                }
            }
            default -> throw new IllegalStateException("unexpected " + method);
        }
        try {
            release.await(HOLD_SECONDS, TimeUnit.SECONDS); // the stream stays open after the response
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void keepAlive(OutputStream out) throws IOException {
        try {
            while (!release.await(200, TimeUnit.MILLISECONDS)) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One SSE event, its data over two lines (as a multi-line data field is allowed), flushed at once. */
    private static void event(OutputStream out, String json) throws IOException {
        int middle = json.indexOf(',') + 1;
        String event = "id: e\ndata: " + json.substring(0, middle) + "\ndata: " + json.substring(middle) + "\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private McpSession open() {
        McpHttpApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp"))
                .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) // as AgentLoop builds it
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(McpHttpApi.class);
        return McpSession.open(api, null, MAPPER, vertx, TIMEOUT, null);
    }

    @Test
    void responsesAreTakenAsTheyArriveWhileTheStreamsStayOpen() {
        callAnswer = "answer";
        long start = System.nanoTime();
        McpSession session = open();
        List<JsonNode> tools = session.listTools();
        JsonNode result = session.callTool("echo", MAPPER.createObjectNode());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals("scripted-session", session.id());
        assertEquals("echo", tools.get(0).path("name").asText());
        assertEquals("echoed", result.path("content").path(0).path("text").asText());
        // Three streams held open for 30 s each: read whole, this would take a minute and a half.
        assertTrue(millis < 5_000, "the session took " + millis + " ms");
    }

    @Test
    void aStreamThatEndsWithoutTheResponseIsAGatewayError() {
        callAnswer = "end";
        McpSession session = open();
        AgentException failure =
                assertThrows(AgentException.class, () -> session.callTool("echo", MAPPER.createObjectNode()));
        assertEquals(502, failure.status());
        assertEquals("The MCP server's stream ended without answering tools/call", failure.getMessage());
    }

    @Test
    void aStreamThatFallsSilentTimesOut() {
        callAnswer = "silent";
        assertTimesOut(
                2_000, "The MCP server did not answer tools/call within 2000 ms (switchboard.agent.mcp-timeout)");
    }

    @Test
    void aStreamThatOnlyKeepsAliveTimesOutAtTheDeadline() {
        callAnswer = "keep-alive";
        assertTimesOut(
                2_000, "The MCP server did not answer tools/call within 2000 ms (switchboard.agent.mcp-timeout)");
    }

    private void assertTimesOut(long afterMillis, String message) {
        McpSession session = open();
        long start = System.nanoTime();
        AgentException failure =
                assertThrows(AgentException.class, () -> session.callTool("echo", MAPPER.createObjectNode()));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(504, failure.status());
        assertEquals(message, failure.getMessage());
        assertTrue(millis >= afterMillis - 100 && millis < afterMillis + 5_000, "failed after " + millis + " ms");
    }
}
