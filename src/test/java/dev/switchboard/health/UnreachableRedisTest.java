package dev.switchboard.health;

import static dev.switchboard.testing.Mcp.initializeBody;
import static dev.switchboard.testing.Mcp.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.UnreachableRedisProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Without Redis the process stays up (liveness), is not ready, and clients get 503 instead of a hang or a 500. */
@QuarkusTest
@TestProfile(UnreachableRedisProfile.class)
class UnreachableRedisTest {

    @Test
    void readinessIsDownButLivenessIsUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'session-store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'session-store' }.data.store", equalTo("redis"))
                .body("checks.find { it.name == 'session-store' }.data.error", notNullValue())
                .body("checks.find { it.name == 'tool-registry' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // Started does not wait for Redis: the startup probe must not kill a replica while Redis is away.
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void requestsGetServiceUnavailable() {
        request()
                .body(initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("error.message", startsWith("Service Unavailable"));
    }

    @Test
    void memoryToolsSayMemoryIsUnavailable() {
        // 2026-07-28 needs no session, so the memory store is the first to meet the missing Redis.
        Stateless.call("memory.recall")
                .body(Stateless.callBody(1, "memory.recall", "{\"query\":\"tea\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("Long-term memory is unavailable right now"));
    }

    @Test
    void toolsThatKeepStateSayTheStoreIsUnavailable() {
        Stateless.call("workspace.open")
                .body(Stateless.callBody(1, "workspace.open", "{}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("The state this tool keeps"));
    }

    @Test
    void taskRequestsGetServiceUnavailableRatherThanAnInternalError() {
        String optedIn = Stateless.meta("{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");
        Stateless.request("tasks/get")
                .header("Mcp-Name", "0123")
                .body(Stateless.body(2, "tasks/get", "\"taskId\":\"0123\"", optedIn))
                .post("/mcp")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("error.message", startsWith("Service Unavailable"));
    }
}
