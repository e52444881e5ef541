package dev.switchboard.replicas;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.tools.CancellationProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Replica A is this test's application (with the test tools); replica B is the packaged jar in a child process on
 * the same redis-server. Streams, answers and cancellations cross between them over HTTP.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Isolated // the other ITs run at once; a Quarkus application (and RestAssured's port) runs alone
class CrossReplicaHttpIT {

    private static final String V = "2025-11-25";
    private static ServiceProcess b;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    @Inject
    ObjectMapper mapper;

    @Inject
    CancellationProbe probe;

    @BeforeAll
    static void noReplicaYet() {
        b = null;
    }

    @AfterAll
    static void stopReplica() {
        if (b != null) {
            b.kill();
        }
    }

    private ServiceProcess replicaB() {
        if (b == null) {
            b = ServiceProcess.start(ServiceProcess.freePort(), redisUrl);
        }
        return b;
    }

    private static String initialize() {
        return Mcp.request()
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + V
                        + "\",\"capabilities\":{\"elicitation\":{},\"sampling\":{},\"roots\":{}},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
    }

    private static void postTo(ServiceProcess replica, String session, String body) {
        given().baseUri(replica.url())
                .contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", V)
                .body(body)
                .post("/mcp")
                .then()
                .statusCode(202);
    }

    private JsonNode json(SseTestClient.Event event) throws Exception {
        return mapper.readTree(event.data());
    }

    @Test
    void aStreamFromAResumesOnBAndAnswersThroughBReachTheToolOnA() throws Exception {
        ServiceProcess replica = replicaB();
        String session = initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V);
        String elicitEventId;
        JsonNode elicitation;
        try (SseTestClient onA = SseTestClient.post(RestAssured.port, Mcp.call(9, "test.ask", "{}"), headers)) {
            onA.next(); // priming
            SseTestClient.Event event = onA.next();
            elicitEventId = event.id();
            elicitation = json(event);
        } // the client loses its connection to A
        postTo(
                replica,
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":" + elicitation.get("id")
                        + ",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Grace\"}}}");

        int port = replica.port();
        Map<String, String> resume =
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V, "Last-Event-ID", elicitEventId);
        long started = System.nanoTime();
        try (SseTestClient onB = SseTestClient.get(port, resume)) {
            JsonNode sample = json(onB.next());
            System.out.printf(
                    "Resumed on replica B: first missed event after %.1f ms%n", (System.nanoTime() - started) / 1e6);
            assertEquals("sampling/createMessage", sample.get("method").asText());
            assertEquals(
                    "Greet Grace", sample.at("/params/messages/0/content/text").asText());
            postTo(
                    replica,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + sample.get("id") + ",\"result\":{\"role\":"
                            + "\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hi Grace\"},\"model\":\"m\"}}");
            JsonNode roots = json(onB.next()); // appended on A after B took the stream: forwarded live
            assertEquals("roots/list", roots.get("method").asText());
            postTo(replica, session, "{\"jsonrpc\":\"2.0\",\"id\":" + roots.get("id") + ",\"result\":{\"roots\":[]}}");
            JsonNode response = json(onB.next());
            assertEquals(9, response.get("id").asInt());
            assertEquals(
                    "elicited accept Grace; sampled Hi Grace; roots 0",
                    response.at("/result/content/0/text").asText());
            assertEquals(List.of(), onB.rest(), "the stream ends on B with the response");
        }
    }

    @Test
    void aCancellationSentToBStopsTheCallOnA() throws Exception {
        ServiceProcess replica = replicaB();
        probe.reset();
        String session = initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V);
        String call = "{\"jsonrpc\":\"2.0\",\"id\":31,\"method\":\"tools/call\",\"params\":{\"name\":\"test.wait\","
                + "\"_meta\":{\"progressToken\":\"p\"}}}";
        try (SseTestClient onA = SseTestClient.post(RestAssured.port, call, headers)) {
            onA.next(); // priming
            onA.next(); // progress
            assertTrue(probe.awaitStarted());
            postTo(
                    replica,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":" + "{\"requestId\":31}}");
            assertTrue(probe.awaitFinished());
            assertTrue(probe.sawCancel());
            assertEquals(List.of(), onA.rest(), "no response for the cancelled call");
        }
    }

    @Test
    void aResourceChangeOnAReachesTheSubscriberStreamOnB() throws Exception {
        ServiceProcess replica = replicaB();
        String session = initialize();
        Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\",\"params\":"
                                + "{\"uri\":\"switchboard://session/calendar\"}}")
                .statusCode(200);
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V);
        try (SseTestClient onB = SseTestClient.get(replica.port(), headers)) {
            onB.next(); // priming
            Mcp.post(session, Mcp.call(2, "calendar.add", "{\"title\":\"Launch\",\"start\":\"2026-12-24T09:00:00Z\"}"))
                    .statusCode(200);
            JsonNode update = json(onB.next());
            assertEquals("notifications/resources/updated", update.get("method").asText());
            assertEquals(
                    "switchboard://session/calendar", update.at("/params/uri").asText());
        }
    }
}
