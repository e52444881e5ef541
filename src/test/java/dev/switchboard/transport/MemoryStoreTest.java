package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.session.SessionStoreContract;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.MemoryStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The service on the in-memory store needs no Redis at all, and expires sessions the same way. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class MemoryStoreTest {

    @Test
    void servesSessionsWithoutRedis() {
        String session = initialize();
        post(session, call(1, "calendar.add", "{\"title\":\"Lunch\",\"start\":\"2026-11-25T12:00:00Z\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false));
        post(session, call(2, "calendar.list", "{}"))
                .statusCode(200)
                .body("result.structuredContent.events.title", contains("Lunch"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'session-store' }.data.store", equalTo("memory"));
    }

    @Test
    void idleSessionsExpire() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .statusCode(200)
                .body("id", equalTo(1))
                .body("result", equalTo(java.util.Map.of()));
        Await.sleep(SessionStoreContract.TTL.plusMillis(300));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                .statusCode(404)
                .body("error.code", equalTo(-32001));
    }
}
