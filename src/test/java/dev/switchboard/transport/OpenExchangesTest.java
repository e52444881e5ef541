package dev.switchboard.transport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.MemoryStoreProfile;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.tools.CancellationProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session holds at most {@code switchboard.streams.max-open-per-session} requests and streams at once. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class OpenExchangesTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Inject
    OpenExchanges open;

    @Inject
    CancellationProbe probe;

    @Test
    void aThirdRequestWaitsUntilAStreamCloses() throws Exception {
        probe.reset();
        String session = Mcp.initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        String wait = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":\"test.wait\","
                + "\"arguments\":{},\"_meta\":{\"progressToken\":\"w\"}}}";
        try (SseTestClient call = SseTestClient.post(RestAssured.port, wait, headers)) {
            assertEquals(200, call.status());
            assertTrue(probe.awaitStarted());
            SseTestClient stream = SseTestClient.get(RestAssured.port, headers);
            assertEquals(200, stream.status());
            assertEquals(2, open.held(session));

            Mcp.post(session, PING)
                    .statusCode(429)
                    .header("Retry-After", equalTo("1"))
                    .body("error.code", equalTo(-32029))
                    .body("error.message", containsString("switchboard.streams.max-open-per-session"));
            // Another session is not affected.
            Mcp.post(Mcp.initialize(), PING).statusCode(200);

            stream.close(); // the client goes away: its slot frees
            Await.until(() -> open.held(session) == 1);
            Mcp.post(session, PING).statusCode(200);

            Mcp.post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42}}")
                    .statusCode(202);
            assertTrue(probe.awaitFinished());
        }
        Await.until(() -> open.held(session) == 0);
    }
}
