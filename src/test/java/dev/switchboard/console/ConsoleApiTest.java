package dev.switchboard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.tools.TaskGate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's API on the shared application (Redis store, authorization off): what it shows, and ending a session. */
@QuarkusTest
@SharedApp
class ConsoleApiTest {

    private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Inject
    ToolMetrics metrics;

    @Inject
    ReplicaRoster roster;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    TaskGate gate;

    @Test
    void theViewsSandboxProxyIsFramedByTheConsoleOnlyUnderItsOwnPolicy() {
        given().get("/console/view-frame.html")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo(ConsoleGate.VIEW_FRAME_CSP))
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(containsString("ui/notifications/sandbox-proxy-ready"));
        given().get("/console/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo(ConsoleGate.CSP))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void overviewNamesTheServerStoreThisReplicaAndTheTools() {
        JsonPath overview = given().get("/console/api/overview")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo(ConsoleGate.CSP))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .body("server.name", equalTo("switchboard"))
                .body("store.kind", equalTo("redis"))
                .body("store.ready", equalTo(true))
                .body("tools.name", hasItem("weather.get"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> self = overview.getList("replicas.findAll { it.self }");
        assertEquals(1, self.size(), overview.prettify());
        assertEquals(roster.self(), self.get(0).get("id"));
        assertTrue(self.get(0).get("lastSeenAt").toString().matches(INSTANT));
        assertNotNull(self.get(0).get("host"));
    }

    @Test
    void overviewCountsSessionsAndRunningTasks() {
        long before = overviewCount("sessions.count");
        String session = Mcp.initialize();
        assertEquals(before + 1, overviewCount("sessions.count"), "a new session is counted");

        String label = "console-count-" + System.nanoTime();
        Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                                + "\"test.task.gated\",\"arguments\":{\"label\":\"" + label + "\"},\"task\":{}}}")
                .statusCode(200)
                .body("result.task.status", equalTo("working"));
        try {
            assertTrue(overviewCount("tasks.running") >= 1, "the task held at its gate is running");
        } finally {
            gate.open(label);
        }

        given().header("Mcp-Session-Id", session).delete("/mcp").then().statusCode(204);
        assertEquals(before, overviewCount("sessions.count"), "an ended session is no longer counted");
    }

    private static long overviewCount(String path) {
        return given().get("/console/api/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong(path);
    }

    @Test
    void sessionsShowTheClientAndItsToolsAndEndingOneEndsItForTheClient() {
        String session = Mcp.initialize();
        Mcp.post(session, Mcp.call(2, "weather.get", "{\"city\":\"Paris\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false));

        JsonPath page = given().get("/console/api/sessions?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> listed = page.getMap("sessions.find { it.id == '" + session + "' }");
        assertNotNull(listed, page.prettify());
        assertEquals("session", listed.get("era"));
        assertEquals("open", listed.get("owner"));
        assertEquals("2025-11-25", listed.get("protocolVersion"));
        assertEquals(Map.of("name", "test-client", "version", "1.0"), listed.get("client"));
        assertTrue(listed.containsKey("replica"));
        List<Map<String, Object>> used = page.getList("sessions.find { it.id == '" + session + "' }.toolsUsed");
        assertEquals("weather.get", used.get(0).get("tool"));
        assertTrue(used.get(0).get("at").toString().matches(INSTANT));
        assertEquals(page.getList("sessions").size(), page.getInt("count"));

        given().delete("/console/api/sessions/" + session).then().statusCode(204);
        Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").statusCode(404);
        given().delete("/console/api/sessions/" + session)
                .then()
                .statusCode(404)
                .body("error.message", startsWith("Not Found: no session"));
        given().get("/console/api/sessions?limit=500")
                .then()
                .statusCode(200)
                .body("sessions.id", org.hamcrest.Matchers.not(hasItem(session)));
    }

    @Test
    void aSessionWithAnOpenStreamNamesTheReplicaHoldingIt() {
        String session = Mcp.initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers)) {
            stream.next(); // priming: the stream is open, and its owner recorded in Redis
            given().get("/console/api/sessions?limit=500")
                    .then()
                    .statusCode(200)
                    .body("sessions.find { it.id == '" + session + "' }.replica", equalTo(roster.self()));
        }
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/console/api/overview'.get.tags", hasItem("Console"))
                .body("paths.'/console/api/sessions/{id}'.delete.tags", hasItem("Console"))
                .body("paths.'/console/api/metrics'.get.summary", startsWith("This replica's tool calls"));
    }

    @Test
    void staticFilesUnderConsoleCarryTheSecurityHeaders() {
        given().get("/console/gate-probe.txt")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo(ConsoleGate.CSP))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("gate tests"));
    }

    @Test
    void theConsoleWithoutItsSlashIsRedirectedToIt() {
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", "/console/");
    }

    @Test
    void workspacesAreListedApart() {
        String handle = Stateless.openWorkspace(Stateless.call("workspace.open"));
        given().get("/console/api/sessions?limit=500")
                .then()
                .statusCode(200)
                .body("workspaces.id", hasItem(handle))
                .body("sessions.id", org.hamcrest.Matchers.not(hasItem(handle)));
    }

    @Test
    void tasksListShowsATaskWithItsTool() {
        String session = Mcp.initialize();
        String task = Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                                + "\"test.task.required\",\"arguments\":{},\"task\":{}}}")
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("result.task.taskId");
        JsonPath tasks = given().get("/console/api/tasks?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> listed = tasks.getMap("tasks.find { it.taskId == '" + task + "' }");
        assertNotNull(listed, tasks.prettify());
        assertEquals("test.task.required", listed.get("tool"));
        assertEquals(session, listed.get("sessionId"));
        assertEquals("open", listed.get("owner"));
        assertTrue(List.of("working", "completed").contains(listed.get("status")), listed.toString());
        assertTrue(listed.get("createdAt").toString().matches(INSTANT));
    }

    @Test
    void metricsShowThisReplicasToolCalls() {
        metrics.sample();
        String session = Mcp.initialize();
        Mcp.post(session, Mcp.call(2, "weather.get", "{\"city\":\"Oslo\"}")).statusCode(200);
        metrics.sample();
        JsonPath view = given().get("/console/api/metrics")
                .then()
                .statusCode(200)
                .body("replica", equalTo(roster.self()))
                .body("intervalSeconds", equalTo(10))
                .extract()
                .jsonPath();
        List<Map<String, Object>> points = view.getList("tools.find { it.tool == 'weather.get' }.points");
        assertNotNull(points, view.prettify());
        Map<String, Object> last = points.get(points.size() - 1);
        assertTrue(((Number) last.get("calls")).longValue() >= 1, last.toString());
        assertEquals(0, ((Number) last.get("errors")).intValue());
        assertTrue(((Number) last.get("meanMs")).doubleValue() > 0, last.toString());
        assertTrue(last.get("at").toString().matches(INSTANT));
    }

    @Test
    void aBadLimitIsRefusedSaying400() {
        for (String limit : List.of("0", "501", "ten", "-1")) {
            given().get("/console/api/sessions?limit=" + limit)
                    .then()
                    .statusCode(400)
                    .body("error.message", containsString("limit must be a whole number from 1 to 500"));
            given().get("/console/api/tasks?limit=" + limit).then().statusCode(400);
        }
    }

    @Test
    void anUnknownEndpointIsAJsonNotFound() {
        given().get("/console/api/nothing-here")
                .then()
                .statusCode(404)
                .body("error.message", containsString("is not an endpoint of the console API"));
        given().get("/console/api/sessions/some-id").then().statusCode(404);
    }

    @Test
    void onlyTheServersOwnOriginReachesTheApi() {
        String own = "http://localhost:" + RestAssured.port;
        given().header("Origin", own).get("/console/api/overview").then().statusCode(200);
        given().header("Origin", own)
                .header("Sec-Fetch-Site", "same-origin")
                .get("/console/api/overview")
                .then()
                .statusCode(200);
        given().header("Origin", "https://evil.example")
                .get("/console/api/overview")
                .then()
                .statusCode(403)
                .body("error.message", containsString("is not this server's origin"));
        given().header("Origin", "http://localhost:1")
                .delete("/console/api/sessions/whatever")
                .then()
                .statusCode(403);
        given().header("Sec-Fetch-Site", "cross-site")
                .get("/console/api/overview")
                .then()
                .statusCode(403)
                .body("error.message", containsString("Sec-Fetch-Site: cross-site"));
    }

    @Test
    void withoutAuthorizationARebindingPageIsNotSameOrigin() {
        // A page on another site whose DNS name now points here: Origin and Host agree, yet the host is not allowed.
        String rebound = "http://rebound.example:" + RestAssured.port;
        given().header("Host", "rebound.example:" + RestAssured.port)
                .header("Origin", rebound)
                .get("/console/api/overview")
                .then()
                .statusCode(403)
                .body("error.message", containsString("switchboard.transport.allowed-origins"));
        Mcp.request()
                .header("Host", "rebound.example:" + RestAssured.port)
                .header("Origin", rebound)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(403);
    }
}
