package dev.switchboard.transport;

import static dev.switchboard.testing.Stateless.body;
import static dev.switchboard.testing.Stateless.call;
import static dev.switchboard.testing.Stateless.callBody;
import static dev.switchboard.testing.Stateless.meta;
import static dev.switchboard.testing.Stateless.request;
import static dev.switchboard.testing.Stateless.sentinel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.tools.CancellationProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stateless revision 2026-07-28 on {@code /mcp}: era detection, headers, results, MRTR, listen, workspaces. */
@QuarkusTest
@SharedApp
class StatelessEraTest {

    private static final String ALL_CAPABILITIES = "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}";

    @Inject
    CancellationProbe probe;

    @Test
    void discoverAdvertisesTheRevisionCapabilitiesAndIdentity() {
        request("server/discover")
                .header("Mcp-Session-Id", "ignored-in-this-revision")
                .body(body(1, "server/discover", ""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .header("Mcp-Session-Id", nullValue())
                .body("id", equalTo(1))
                .body("result.supportedVersions", equalTo(List.of("2026-07-28")))
                .body("result.capabilities.tools", notNullValue())
                .body("result.capabilities.resources.subscribe", equalTo(true))
                .body("result.resultType", equalTo("complete"))
                .body("result.ttlMs", greaterThan(0))
                .body("result.cacheScope", equalTo("public"))
                .body("result._meta.'io.modelcontextprotocol/serverInfo'.name", equalTo("switchboard"));
    }

    @Test
    void contradictoryOrUnsupportedVersionsAreRefusedWithModernErrors() {
        String v999 = body(7, "server/discover", "").replace("\"2026-07-28\"", "\"v999\"");
        request("server/discover")
                .body(v999)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("id", equalTo(7))
                .body("error.code", equalTo(-32020))
                .body("error.message", containsString("does not match"));
        Mcp.request()
                .header("MCP-Protocol-Version", "v999")
                .header("Mcp-Method", "server/discover")
                .body(v999)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32022))
                .body("error.data.supported", equalTo(List.of("2026-07-28")))
                .body("error.data.requested", equalTo("v999"));
        Mcp.request()
                .header("Mcp-Method", "server/discover")
                .body(body(8, "server/discover", ""))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020))
                .body("error.message", containsString("MCP-Protocol-Version header is required"));
    }

    @Test
    void theEnvelopeIsRequired() {
        request("server/discover")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\",\"params\":{}}")
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("id", equalTo(3))
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("io.modelcontextprotocol/protocolVersion"));
        request("server/discover")
                .body(body(4, "server/discover", "").replace(",\"io.modelcontextprotocol/clientCapabilities\":{}", ""))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("io.modelcontextprotocol/clientCapabilities"));
        request("tools/list")
                .body("[" + body(5, "tools/list", "") + "]")
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600));
    }

    @Test
    void mirroredHeadersMustMatchTheBody() {
        Mcp.request()
                .header("MCP-Protocol-Version", "2026-07-28")
                .body(body(1, "tools/list", ""))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020))
                .body("error.message", containsString("Mcp-Method header is required"));
        request("TOOLS/LIST")
                .body(body(1, "tools/list", ""))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020));
        request("tools/call")
                .body(callBody(2, "weather.get", "{\"city\":\"Paris\"}"))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.message", containsString("Mcp-Name header is required"));
        call("calendar.list")
                .body(callBody(2, "weather.get", "{\"city\":\"Paris\"}"))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020))
                .body("error.message", containsString("'calendar.list' does not match"));
        call(sentinel("weather.get"))
                .body(callBody(3, "weather.get", "{\"city\":\"Paris\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.structuredContent.location.name", equalTo("Paris"));
        call("=?base64?d2VhdGhlci5nZXQ?=") // missing padding
                .body(callBody(4, "weather.get", "{\"city\":\"Paris\"}"))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020));
    }

    @Test
    void unknownAndSessionEraMethodsAreNotFound() {
        for (String method :
                List.of("unknown/method", "ping", "initialize", "logging/setLevel", "resources/subscribe")) {
            request(method)
                    .body(body(9, method, ""))
                    .post("/mcp")
                    .then()
                    .statusCode(404)
                    .body("id", equalTo(9))
                    .body("error.code", equalTo(-32601))
                    .body("error.message", startsWith("Method not found: " + method));
        }
    }

    @Test
    void getAndDeleteAreNotAllowed() {
        given().header("MCP-Protocol-Version", "2026-07-28")
                .accept("text/event-stream")
                .get("/mcp")
                .then()
                .statusCode(405)
                .body("error.code", equalTo(-32600))
                .body("error.message", startsWith("Method Not Allowed: protocol revision 2026-07-28"))
                .body("error.message", containsString("GET is not served"));
        given().header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Session-Id", "anything")
                .delete("/mcp")
                .then()
                .statusCode(405)
                .body("error.code", equalTo(-32600))
                .body("error.message", containsString("DELETE is not served"));
    }

    @Test
    void resultsCarryResultTypeServerInfoAndCachingHints() {
        JsonPath tools = request("tools/list")
                .body(body(1, "tools/list", ""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("complete"))
                .body("result.ttlMs", equalTo(300000))
                .body("result.cacheScope", equalTo("public"))
                .extract()
                .jsonPath();
        assertEquals(
                "Workspace",
                tools.getString("result.tools.find { it.name == 'calendar.add' }.inputSchema.properties.workspace."
                        + "'x-mcp-header'"));
        call("weather.get")
                .body(callBody(2, "weather.get", "{\"city\":\"Paris\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("complete"))
                .body("result.ttlMs", nullValue())
                .body("result._meta.'io.modelcontextprotocol/serverInfo'.name", equalTo("switchboard"));
        request("resources/list")
                .body(body(3, "resources/list", ""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resources.uri", not(hasItem("switchboard://session/calendar")))
                .body("result.cacheScope", equalTo("public"));
    }

    @Test
    void aMissingResourceIsInvalidParams() {
        for (String uri : List.of("switchboard://nothing", "switchboard://session/calendar")) {
            request("resources/read")
                    .header("Mcp-Name", uri)
                    .body(body(1, "resources/read", "\"uri\":\"" + uri + "\""))
                    .post("/mcp")
                    .then()
                    .statusCode(200)
                    .body("error.code", equalTo(-32602))
                    .body("error.data.uri", equalTo(uri));
        }
    }

    @Test
    void logsOnlyWhenTheRequestAsksForThem() {
        String progress = "\"progressToken\":\"p1\",";
        String quiet = call("test.progress")
                .body(callBody(1, "test.progress", "{}", "", meta().replace("\"_meta\":{", "\"_meta\":{" + progress)))
                .post("/mcp")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/event-stream"))
                .extract()
                .asString();
        assertTrue(quiet.contains("notifications/progress"), quiet);
        assertFalse(quiet.contains("notifications/message"), quiet);
        assertFalse(quiet.contains("id:"), "2026-07-28 events carry no ids: " + quiet);
        String logged = call("test.progress")
                .body(callBody(
                        2,
                        "test.progress",
                        "{}",
                        "",
                        meta().replace(
                                        "\"_meta\":{",
                                        "\"_meta\":{" + progress + "\"io.modelcontextprotocol/logLevel\":\"info\",")))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(logged.contains("notifications/message"), logged);
    }

    @Test
    void inputIsGatheredOverRetriesWithSignedState() {
        String meta = meta(ALL_CAPABILITIES);
        JsonPath first = call("test.ask")
                .body(callBody(1, "test.ask", "{}", "", meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("input_required"))
                .body("result.inputRequests.elicitation.method", equalTo("elicitation/create"))
                .body("result.inputRequests.elicitation.params.mode", equalTo("form"))
                .extract()
                .jsonPath();
        String state1 = first.getString("result.requestState");

        String elicited = "\"inputResponses\":{\"elicitation\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
                + "\"requestState\":\"" + state1 + "\"";
        String state2 = call("test.ask")
                .body(callBody(2, "test.ask", "{}", elicited, meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("input_required"))
                .body("result.inputRequests.sampling.method", equalTo("sampling/createMessage"))
                .body("result.inputRequests.elicitation", nullValue())
                .extract()
                .jsonPath()
                .getString("result.requestState");

        String sampled = "\"inputResponses\":{\"sampling\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\","
                + "\"text\":\"Hi Ada\"},\"model\":\"m\"},\"roots\":{\"roots\":[{\"uri\":\"file:///r\"}]}},"
                + "\"requestState\":\"" + state2 + "\"";
        call("test.ask")
                .body(callBody(3, "test.ask", "{}", sampled, meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("complete"))
                .body("result.content[0].text", equalTo("elicited accept Ada; sampled Hi Ada; roots 1"));

        call("test.ask")
                .body(callBody(4, "test.ask", "{}", elicited.replace(state1, state1 + "x"), meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("requestState is not valid"));
        call("test.progress")
                .body(callBody(5, "test.progress", "{}", "\"requestState\":\"" + state1 + "\"", meta))
                .post("/mcp")
                .then()
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("issued for another request"));
    }

    @Test
    void aMissingCapabilityIsRefusedAsSuch() {
        call("test.ask")
                .body(callBody(
                        1,
                        "test.ask",
                        "{}",
                        "\"inputResponses\":{\"elicitation\":{\"action\":\"decline\"}}",
                        meta("{\"elicitation\":{}}")))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("id", equalTo(1))
                .body("error.code", equalTo(-32021))
                .body("error.data.requiredCapabilities.sampling", notNullValue());
    }

    @Test
    void workspacesCarryStateAndMirrorTheirHandleInAHeader() {
        String workspace = Stateless.openWorkspace(call("workspace.open"));
        assertTrue(workspace.length() >= 32, workspace);
        String event =
                "{\"title\":\"Dentist\",\"start\":\"2026-11-25T10:00:00+01:00\",\"workspace\":\"" + workspace + "\"}";
        call("calendar.add")
                .body(callBody(2, "calendar.add", event))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020))
                .body("error.message", containsString("Mcp-Param-Workspace is required"));
        call("calendar.add")
                .header("Mcp-Param-Workspace", "someone-else")
                .body(callBody(2, "calendar.add", event))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020));
        call("calendar.add")
                .header("Mcp-Param-Workspace", sentinel(workspace))
                .body(callBody(2, "calendar.add", event))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(false));
        call("calendar.list")
                .header("mcp-param-workspace", workspace)
                .body(callBody(3, "calendar.list", "{\"workspace\":\"" + workspace + "\"}"))
                .post("/mcp")
                .then()
                .body("result.structuredContent.events.title", equalTo(List.of("Dentist")));
        call("calendar.list")
                .body(callBody(4, "calendar.list", "{}"))
                .post("/mcp")
                .then()
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("call workspace.open"));
        call("calendar.list")
                .header("Mcp-Param-Workspace", "nope")
                .body(callBody(5, "calendar.list", "{\"workspace\":\"nope\"}"))
                .post("/mcp")
                .then()
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("Unknown or expired workspace"));

        // The session era sees the same workspace: one store, two views.
        String session = Mcp.initialize();
        Mcp.post(session, Mcp.call(6, "history.tools_used", "{\"workspace\":\"" + workspace + "\"}"))
                .statusCode(200)
                .body(
                        "result.structuredContent.toolsUsed.tool",
                        equalTo(List.of("calendar.add", "calendar.list", "history.tools_used")));
    }

    @Test
    void closingTheStreamCancelsTheCall() throws Exception {
        probe.reset();
        String bodyWithToken =
                callBody(1, "test.wait", "{}", "", meta().replace("\"_meta\":{", "\"_meta\":{\"progressToken\":1,"));
        try (SseTestClient stream = SseTestClient.post(
                RestAssured.port,
                bodyWithToken,
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "test.wait"))) {
            assertTrue(stream.next().data().contains("notifications/progress"));
            assertTrue(probe.awaitStarted());
        }
        assertTrue(probe.awaitFinished(), "the tool did not stop");
        assertTrue(probe.sawCancel(), "the tool was not cancelled");
    }

    @Test
    void listenStreamsCarryOptedInChangesTaggedAndKeepAlive() {
        String workspace = Stateless.openWorkspace(call("workspace.open"));
        String uri = "switchboard://workspaces/" + workspace + "/calendar";
        String listen = body(
                "\"l-1\"",
                "subscriptions/listen",
                "\"notifications\":{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"" + uri + "\"]}");
        try (SseTestClient stream = SseTestClient.post(
                RestAssured.port,
                listen,
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen"))) {
            JsonPath ack = JsonPath.from(stream.next().data());
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
            assertEquals("l-1", ack.getString("params._meta.'io.modelcontextprotocol/subscriptionId'"));
            assertEquals(List.of(uri), ack.getList("params.notifications.resourceSubscriptions"));
            assertNull(ack.get("params.notifications.toolsListChanged"), "tool lists never change here");

            call("calendar.add")
                    .header("Mcp-Param-Workspace", workspace)
                    .body(callBody(
                            2,
                            "calendar.add",
                            "{\"title\":\"x\",\"start\":\"2026-11-25T10:00:00Z\"," + "\"workspace\":\"" + workspace
                                    + "\"}"))
                    .post("/mcp")
                    .then()
                    .body("result.isError", equalTo(false));
            JsonPath updated = JsonPath.from(stream.next().data());
            assertEquals("notifications/resources/updated", updated.getString("method"));
            assertEquals(uri, updated.getString("params.uri"));
            assertEquals("l-1", updated.getString("params._meta.'io.modelcontextprotocol/subscriptionId'"));

            assertTrue(stream.poll(Duration.ofMillis(900)).isEmpty());
            assertTrue(stream.comments() > 0, "no keep-alive comment in 900 ms");
        }
    }

    @Test
    void notificationsAreAccepted() {
        request("notifications/cancelled")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1,"
                        + meta() + "}}")
                .post("/mcp")
                .then()
                .statusCode(202);
    }
}
