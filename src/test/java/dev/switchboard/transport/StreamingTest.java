package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.post;
import static dev.switchboard.testing.Mcp.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.tools.CancellationProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SSE responses: framing and event ids, progress and logs, cancellation, client round trips, resumption. */
@QuarkusTest
@SharedApp
class StreamingTest {

    private static final String V = "2025-11-25";

    @Inject
    ObjectMapper mapper;

    @Inject
    CancellationProbe probe;

    private String initialize(String capabilities) {
        return Mcp.initialize(V, capabilities);
    }

    private Map<String, String> headers(String session) {
        return Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V);
    }

    private JsonNode json(SseTestClient.Event event) throws Exception {
        return mapper.readTree(event.data());
    }

    private static String callWithToken(int id, String tool, String token) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{},\"_meta\":{\"progressToken\":\"" + token + "\"}}}";
    }

    @Test
    void emittingCallAnswersAsEventStreamEndingWithTheResponse() throws Exception {
        String session = initialize("{}");
        try (SseTestClient sse =
                SseTestClient.post(RestAssured.port, callWithToken(7, "test.progress", "tok"), headers(session))) {
            assertEquals(200, sse.status());
            assertTrue(sse.header("Content-Type").startsWith("text/event-stream"));
            assertEquals("no", sse.header("X-Accel-Buffering"));

            SseTestClient.Event priming = sse.next();
            assertTrue(priming.id().endsWith("_0"), priming.id());
            assertEquals("", priming.data());
            assertEquals(1000L, priming.retry());

            List<SseTestClient.Event> events = sse.rest();
            JsonNode log = json(events.get(0));
            assertEquals("notifications/message", log.get("method").asText());
            assertEquals("info", log.at("/params/level").asText());
            assertEquals("starting", log.at("/params/data").asText());
            for (int step = 1; step <= 3; step++) {
                JsonNode progress = json(events.get(step));
                assertEquals("notifications/progress", progress.get("method").asText());
                assertEquals("tok", progress.at("/params/progressToken").asText());
                assertEquals(step, progress.at("/params/progress").asInt());
                assertEquals(3, progress.at("/params/total").asInt());
            }
            JsonNode response = json(events.get(4));
            assertEquals(7, response.get("id").asInt());
            assertEquals("done", response.at("/result/content/0/text").asText());
            assertEquals(5, events.size(), "the repeated progress value is not sent; the response ends the stream");

            Set<String> ids = new HashSet<>();
            String stream = priming.id().substring(0, priming.id().lastIndexOf('_'));
            for (SseTestClient.Event event : events) {
                assertTrue(event.id().startsWith(stream + "_"), "every event has an id on this stream");
                assertTrue(ids.add(event.id()));
            }
        }
    }

    @Test
    void callThatEmitsNothingStaysJson() {
        String session = initialize("{}");
        request(session)
                .header("MCP-Protocol-Version", V)
                .body(call(2, "weather.get", "{\"city\":\"Rome\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("result.structuredContent.location.name", equalTo("Rome"));
    }

    @Test
    void setLevelFiltersLogNotifications() throws Exception {
        String session = initialize("{}");
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"error\"}}")
                .statusCode(200)
                .body("result", equalTo(Map.of()));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("params.level must be one of debug, info"));
        try (SseTestClient sse =
                SseTestClient.post(RestAssured.port, callWithToken(3, "test.progress", "t"), headers(session))) {
            sse.next(); // priming
            List<SseTestClient.Event> events = sse.rest();
            assertEquals(4, events.size(), "three progress notifications and the response, no info log");
            assertEquals(
                    "notifications/progress", json(events.get(0)).get("method").asText());
        }
    }

    @Test
    void cancellationStopsTheToolAndSendsNoResponse() throws Exception {
        probe.reset();
        String session = initialize("{}");
        try (SseTestClient sse =
                SseTestClient.post(RestAssured.port, callWithToken(42, "test.wait", "w"), headers(session))) {
            sse.next(); // priming
            assertEquals(
                    "notifications/progress", json(sse.next()).get("method").asText());
            assertTrue(probe.awaitStarted());
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42,"
                                    + "\"reason\":\"user gave up\"}}")
                    .statusCode(202);
            assertTrue(probe.awaitFinished());
            assertTrue(probe.sawCancel(), "the tool saw the cancellation flag");
            assertTrue(probe.callbackRan(), "the tool's cancel callback ran");
            assertEquals(List.of(), sse.rest(), "the stream ends without a response");
        }
    }

    @Test
    void cancellingACallThatEmittedNothingAnswers202() throws Exception {
        probe.reset();
        String session = initialize("{}");
        String body =
                "{\"jsonrpc\":\"2.0\",\"id\":\"c1\",\"method\":\"tools/call\",\"params\":{\"name\":\"test.wait\"}}";
        CompletableFuture<io.restassured.response.Response> pending =
                CompletableFuture.supplyAsync(() -> request(session).body(body).post("/mcp"));
        assertTrue(probe.awaitStarted());
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c1\"}}")
                .statusCode(202);
        io.restassured.response.Response answer = pending.get(10, TimeUnit.SECONDS);
        assertEquals(202, answer.statusCode());
        assertEquals("", answer.asString());
        assertTrue(probe.sawCancel());
    }

    @Test
    void serverToClientRequestsRoundTrip() throws Exception {
        String session = initialize("{\"elicitation\":{},\"sampling\":{},\"roots\":{}}");
        try (SseTestClient sse = SseTestClient.post(RestAssured.port, call(5, "test.ask", "{}"), headers(session))) {
            sse.next(); // priming
            JsonNode elicit = json(sse.next());
            assertEquals("elicitation/create", elicit.get("method").asText());
            assertEquals("form", elicit.at("/params/mode").asText());
            assertEquals("What is your name?", elicit.at("/params/message").asText());
            assertEquals(
                    "string",
                    elicit.at("/params/requestedSchema/properties/name/type").asText());
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":" + elicit.get("id") + ",\"result\":{\"action\":\"accept\","
                                    + "\"content\":{\"name\":\"Ada\"}}}")
                    .statusCode(202)
                    .body(emptyString());

            JsonNode sample = json(sse.next());
            assertEquals("sampling/createMessage", sample.get("method").asText());
            assertEquals(
                    "Greet Ada", sample.at("/params/messages/0/content/text").asText());
            assertEquals(50, sample.at("/params/maxTokens").asInt());
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":" + sample.get("id") + ",\"result\":{\"role\":\"assistant\","
                                    + "\"content\":{\"type\":\"text\",\"text\":\"Hello Ada\"},\"model\":\"test-model\"}}")
                    .statusCode(202);

            JsonNode roots = json(sse.next());
            assertEquals("roots/list", roots.get("method").asText());
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":" + roots.get("id") + ",\"result\":{\"roots\":"
                                    + "[{\"uri\":\"file:///work\",\"name\":\"work\"}]}}")
                    .statusCode(202);

            JsonNode response = json(sse.next());
            assertEquals(5, response.get("id").asInt());
            assertEquals(
                    "elicited accept Ada; sampled Hello Ada; roots 1",
                    response.at("/result/content/0/text").asText());
            assertEquals(List.of(), sse.rest());
        }
    }

    @Test
    void clientRequestsNeedTheDeclaredCapability() {
        post(initialize("{}"), call(6, "test.ask", "{}"))
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("did not declare the elicitation capability"));
    }

    @Test
    void toolsThatRunPastTheirLimitAreCancelled() {
        post(initialize("{}"), call(7, "test.sleepy", "{}"))
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Tool 'test.sleepy' did not finish within 1.0 s and was cancelled"));
    }

    @Test
    void resumingWithLastEventIdReplaysExactlyTheMissedEvents() throws Exception {
        String session = initialize("{\"elicitation\":{},\"sampling\":{},\"roots\":{}}");
        String elicitId;
        JsonNode elicitation;
        try (SseTestClient first = SseTestClient.post(RestAssured.port, call(8, "test.ask", "{}"), headers(session))) {
            first.next(); // priming
            SseTestClient.Event event = first.next();
            elicitId = event.id();
            elicitation = json(event);
        } // the connection drops here, mid-call
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":" + elicitation.get("id") + ",\"result\":{\"action\":\"decline\"}}")
                .statusCode(202);

        Map<String, String> resume =
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V, "Last-Event-ID", elicitId);
        try (SseTestClient resumed = SseTestClient.get(RestAssured.port, resume)) {
            assertEquals(200, resumed.status());
            SseTestClient.Event missed = resumed.next();
            assertEquals("sampling/createMessage", json(missed).get("method").asText(), "the next event, not a repeat");
            assertFalse(missed.id().equals(elicitId));
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":" + json(missed).get("id") + ",\"result\":{\"role\":"
                                    + "\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hi\"},\"model\":\"m\"}}")
                    .statusCode(202);
            JsonNode roots = json(resumed.next());
            post(session, "{\"jsonrpc\":\"2.0\",\"id\":" + roots.get("id") + ",\"result\":{\"roots\":[]}}")
                    .statusCode(202);
            JsonNode response = json(resumed.next());
            assertEquals(8, response.get("id").asInt());
            assertEquals(
                    "elicited decline nobody; sampled Hi; roots 0",
                    response.at("/result/content/0/text").asText());
            assertEquals(List.of(), resumed.rest(), "the resumed stream ends with the response");
        }

        given().header("Mcp-Session-Id", initialize("{}"))
                .header("Last-Event-ID", elicitId)
                .accept("text/event-stream")
                .get("/mcp")
                .then()
                .statusCode(404)
                .body("error.message", startsWith("Cannot resume from Last-Event-ID"));
    }

    @Test
    void getOpensThePrimedStandaloneStream() {
        String session = initialize("{}");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers(session))) {
            assertEquals(200, stream.status());
            SseTestClient.Event priming = stream.next();
            assertTrue(priming.id().endsWith("_0"));
            assertEquals("", priming.data());
        }
        given().accept("text/event-stream").get("/mcp").then().statusCode(400);
        given().accept("text/event-stream")
                .header("Mcp-Session-Id", "nope")
                .get("/mcp")
                .then()
                .statusCode(404);
        given().accept("application/json")
                .header("Mcp-Session-Id", session)
                .get("/mcp")
                .then()
                .statusCode(406);
    }
}
