package dev.switchboard.observability;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.protocol.RequestObserver;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.MemoryStoreProfile;
import dev.switchboard.testing.Stateless;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One span per JSON-RPC request, joined to the client's trace when {@code _meta.traceparent} names one. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class TracingTest {

    /** A test tool that needs nothing outside the process. */
    private static final String TOOL = "test.plan.checklist";

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";
    private static final Pattern EXEMPLAR =
            Pattern.compile(" # \\{span_id=\"[0-9a-f]{16}\",trace_id=\"[0-9a-f]{32}\"\\}");

    @Inject
    CollectingSpanExporter exporter;

    @Test
    void toolsCallJoinsTheTraceInMeta() {
        String meta = "\"_meta\":{\"traceparent\":\"00-" + TRACE_ID + "-" + PARENT_SPAN + "-01\","
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        Stateless.call(TOOL)
                .body(Stateless.callBody("\"trace-1\"", TOOL, "{\"nights\":1}", "", meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(false));

        SpanData span = awaitSpan("trace-1");
        assertEquals("tools/call", span.getName());
        assertEquals(TRACE_ID, span.getTraceId());
        assertEquals(PARENT_SPAN, span.getParentSpanId());
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals("jsonrpc", attribute(span, "rpc.system"));
        assertEquals("tools/call", attribute(span, "rpc.method"));
        assertEquals(TOOL, attribute(span, "mcp.tool.name"));
        assertEquals("2026-07-28", attribute(span, "mcp.protocol.version"));
        assertEquals("stateless", attribute(span, "mcp.era"));
    }

    @Test
    void aToolOnAWorkerThreadRunsInItsRequestsTrace() {
        String meta = "\"_meta\":{\"traceparent\":\"00-" + TRACE_ID + "-" + PARENT_SPAN + "-01\","
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String answer = Stateless.call("test.thread.blocking")
                .body(Stateless.callBody("\"trace-worker\"", "test.thread.blocking", "{}", "", meta))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .path("result.content[0].text");

        assertFalse(answer.startsWith("vert.x-eventloop-thread-"), answer);
        assertTrue(answer.endsWith(" of trace " + TRACE_ID), answer);
    }

    @Test
    void withoutMetaTheSpanIsAChildOfTheHttpSpan() {
        String session = initialize();
        post(session, call(4242, TOOL, "{\"nights\":2}")).statusCode(200);

        SpanData span = awaitSpan("4242");
        assertEquals(TOOL, attribute(span, "mcp.tool.name"));
        assertEquals(RequestObserver.hash(session), attribute(span, "mcp.session.hash"));
        assertNotEquals(TRACE_ID, span.getTraceId());
        Await.until(() -> exporter.spans().stream()
                .anyMatch(candidate -> candidate.getSpanId().equals(span.getParentSpanId())));
        SpanData http = exporter.spans().stream()
                .filter(candidate -> candidate.getSpanId().equals(span.getParentSpanId()))
                .findFirst()
                .orElseThrow();
        assertEquals(SpanKind.SERVER, http.getKind());
    }

    /**
     * With traces recorded, the HTTP server's timer links its samples to traces (TraceExemplars). The sampler keeps an
     * exemplar for a while, so the one shown may be an earlier request's.
     */
    @Test
    void metricsCarryATraceAsAnExemplar() {
        String session = initialize();
        post(session, call(4343, TOOL, "{\"nights\":1}")).statusCode(200);
        awaitSpan("4343");

        Await.until(
                Duration.ofSeconds(10),
                () -> "no trace exemplar on the /mcp requests' timer in:\n"
                        + String.join("\n", openMetrics("http_server_requests_seconds_count")),
                () -> openMetrics("http_server_requests_seconds_count").stream()
                        .anyMatch(line -> line.contains("uri=\"/mcp\"")
                                && EXEMPLAR.matcher(line).find()));
    }

    private static List<String> openMetrics(String name) {
        return given().accept("application/openmetrics-text; version=1.0.0; charset=utf-8")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(name))
                .toList();
    }

    @Test
    void errorsMarkTheSpan() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"bad-1\",\"method\":\"no/such/method\"}")
                .statusCode(200);

        SpanData span = awaitSpan("bad-1");
        assertEquals("unknown", attribute(span, "rpc.method"));
        assertEquals(-32601L, span.getAttributes().get(AttributeKey.longKey("rpc.jsonrpc.error_code")));
        assertEquals(
                io.opentelemetry.api.trace.StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    private SpanData awaitSpan(String requestId) {
        Await.until(() -> find(requestId).isPresent());
        return find(requestId).orElseThrow();
    }

    private Optional<SpanData> find(String requestId) {
        return exporter.spans().stream()
                .filter(span -> requestId.equals(attribute(span, "jsonrpc.request.id")))
                .findFirst();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
