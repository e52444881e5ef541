package dev.switchboard.observability;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.protocol.RequestObserver;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Metrics at /q/metrics, the access log line and the health endpoints' data, against Redis. */
@QuarkusTest
@SharedApp
class ObservabilityTest {

    private static final String CALLS = "switchboard_tool_calls_total";
    private static final String ERRORS = "switchboard_tool_errors_total";

    @Test
    void toolCallsAreCountedAndTimedByRegisteredName() {
        MetricsText before = MetricsText.scrape();
        String session = initialize();
        for (int id = 1; id <= 3; id++) {
            post(session, call(id, "weather.get", "{\"city\":\"Paris\"}"))
                    .statusCode(200)
                    .body("result.isError", equalTo(false));
        }
        // A failing call: the required city is missing.
        post(session, call(4, "weather.get", "{}")).statusCode(200).body("result.isError", equalTo(true));

        MetricsText after = MetricsText.scrape();
        String tool = "tool=\"weather.get\"";
        assertEquals(4, after.value(CALLS, tool) - before.value(CALLS, tool));
        assertEquals(1, after.value(ERRORS, tool) - before.value(ERRORS, tool));
        assertEquals(
                4,
                after.value("switchboard_tool_duration_seconds_count", tool)
                        - before.value("switchboard_tool_duration_seconds_count", tool));
        assertTrue(after.contains("switchboard_tool_duration_seconds_bucket{tool=\"weather.get\",le="));
        // Every registered tool has its meters from start-up on.
        assertTrue(after.contains(CALLS + "{tool=\"calendar.list\"}"));
    }

    @Test
    void unknownToolsShareOneTagValue() {
        MetricsText before = MetricsText.scrape();
        String session = initialize();
        post(session, call(1, "no.such.tool-x1", "{}")).statusCode(200).body("error.code", equalTo(-32602));
        Stateless.call("no.such.tool-x2")
                .body(Stateless.callBody(2, "no.such.tool-x2", "{}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("error.code", equalTo(-32602));

        MetricsText after = MetricsText.scrape();
        assertEquals(2, after.value(CALLS, "tool=\"unknown\"") - before.value(CALLS, "tool=\"unknown\""));
        assertFalse(after.contains("no.such.tool"));
        assertEquals(
                1,
                after.value("switchboard_jsonrpc_errors_total", "code=\"-32602\"", "era=\"stateless\"")
                        - before.value("switchboard_jsonrpc_errors_total", "code=\"-32602\"", "era=\"stateless\""));
    }

    @Test
    void jsonRpcErrorsAreCountedByCodeAndEra() {
        MetricsText before = MetricsText.scrape();
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such/method\"}")
                .statusCode(200)
                .body("error.code", equalTo(-32601));
        Stateless.request("no/such/method")
                .body(Stateless.body(2, "no/such/method", ""))
                .post("/mcp")
                .then()
                .statusCode(404)
                .body("error.code", equalTo(-32601));
        Mcp.request().body("not json").post("/mcp").then().statusCode(400);

        MetricsText after = MetricsText.scrape();
        String name = "switchboard_jsonrpc_errors_total";
        for (String era : List.of("session", "stateless")) {
            String code = "code=\"-32601\"";
            String tag = "era=\"" + era + "\"";
            assertEquals(1, after.value(name, code, tag) - before.value(name, code, tag), era);
        }
        assertEquals(
                1,
                after.value(name, "code=\"-32700\"", "era=\"none\"")
                        - before.value(name, "code=\"-32700\"", "era=\"none\""));
        assertFalse(after.contains("no/such/method"));
    }

    @Test
    void sessionsAndStoreLatencyAreMeasured() {
        MetricsText before = MetricsText.scrape();
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").statusCode(200);
        Mcp.request(session).delete("/mcp").then().statusCode(204);

        MetricsText after = MetricsText.scrape();
        assertEquals(
                1,
                after.value("switchboard_sessions_opened_total") - before.value("switchboard_sessions_opened_total"));
        assertEquals(
                1, after.value("switchboard_sessions_ended_total") - before.value("switchboard_sessions_ended_total"));
        String touch = "op=\"touch\"";
        assertTrue(after.value("switchboard_session_store_duration_seconds_count", touch, "store=\"redis\"")
                > before.value("switchboard_session_store_duration_seconds_count", touch, "store=\"redis\""));
        assertTrue(after.contains("switchboard_sessions_active"));
        for (String kind : List.of("session", "listen", "stateless")) {
            assertTrue(after.contains("switchboard_streams_active{kind=\"" + kind + "\"}"), kind);
        }
    }

    @Test
    void oneAccessLineWithHashedSessionAndNoArguments() {
        List<Map<String, String>> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                lines.add(Map.of(
                        "message", ext.getFormattedMessage(),
                        "session", String.valueOf(ext.getMdc(RequestObserver.MDC_SESSION)),
                        "method", String.valueOf(ext.getMdc(RequestObserver.MDC_METHOD)),
                        "tool", String.valueOf(ext.getMdc(RequestObserver.MDC_TOOL)),
                        "outcome", String.valueOf(ext.getMdc(RequestObserver.MDC_OUTCOME)),
                        "duration", String.valueOf(ext.getMdc(RequestObserver.MDC_DURATION)),
                        "trace", String.valueOf(ext.getMdc("traceId"))));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        org.jboss.logmanager.Logger access = org.jboss.logmanager.Logger.getLogger(RequestObserver.ACCESS_CATEGORY);
        access.addHandler(capture);
        try {
            String session = initialize();
            long started = System.nanoTime();
            post(session, call(7, "weather.get", "{\"city\":\"Secretville\"}")).statusCode(200);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, String> line = lines.stream()
                    .filter(entry -> entry.get("method").equals("tools/call"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(RequestObserver.hash(session), line.get("session"));
            assertEquals(12, line.get("session").length());
            assertEquals("weather.get", line.get("tool"));
            assertEquals("ok", line.get("outcome"));
            assertEquals("null", line.get("trace"), "tracing is off (the default): no span, so no trace id");
            long duration = Long.parseLong(line.get("duration"));
            assertTrue(duration >= 0 && duration <= elapsedMs, duration + " ms logged, " + elapsedMs + " ms taken");
            assertTrue(line.get("message").startsWith("tools/call tool=weather.get session=" + line.get("session")));
            assertTrue(lines.stream().noneMatch(entry -> entry.get("message").contains("Secretville")));
            assertTrue(lines.stream().noneMatch(entry -> entry.get("message").contains(session)));

            // A call of known length: test.sleepy is stopped at its 1 s limit, so its line says at least 1,000 ms.
            started = System.nanoTime();
            post(session, call(8, "test.sleepy", "{}")).statusCode(200);
            elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long slept = Long.parseLong(lines.stream()
                    .filter(entry -> entry.get("tool").equals("test.sleepy"))
                    .findFirst()
                    .orElseThrow()
                    .get("duration"));
            assertTrue(slept >= 1000 && slept <= elapsedMs, slept + " ms logged, " + elapsedMs + " ms taken");
        } finally {
            access.removeHandler(capture);
        }
    }

    @Test
    void healthEndpointsReportTheirData() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'process' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'process' }.data.uptimeSeconds", greaterThanOrEqualTo(0));
        dev.switchboard.testing.Await.until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'session-store' }.data.store", equalTo("redis"))
                .body("checks.find { it.name == 'session-store' }.data.pingMillis", greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'tool-registry' }.data.prompts", greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'tool-registry' }.data.resources", greaterThanOrEqualTo(1));
        given().get("/q/health/started")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'started' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'started' }.data.store", equalTo("redis"));
    }
}
