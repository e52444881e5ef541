package dev.switchboard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.MemoryStoreProfile;
import dev.switchboard.testing.SseTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console on the memory store (as dev mode runs it): this process is the whole fleet. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class ConsoleMemoryStoreTest {

    @Inject
    ReplicaRoster roster;

    @Test
    void theFleetIsThisProcess() {
        given().get("/console/api/overview")
                .then()
                .statusCode(200)
                .body("store.kind", equalTo("memory"))
                .body("replicas", hasSize(1))
                .body("replicas[0].id", equalTo(roster.self()))
                .body("replicas[0].self", equalTo(true));
    }

    @Test
    void aSessionWithAnOpenStreamNamesThisReplicaAndEndsForItsClient() {
        String session = Mcp.initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers)) {
            stream.next(); // priming: the stream is open
            given().get("/console/api/sessions")
                    .then()
                    .statusCode(200)
                    .body("sessions.id", hasItem(session))
                    .body("sessions.find { it.id == '" + session + "' }.replica", equalTo(roster.self()))
                    .body("sessions.find { it.id == '" + session + "' }.client.name", equalTo("test-client"));
            given().delete("/console/api/sessions/" + session).then().statusCode(204);
        }
        Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").statusCode(404);
        assertEquals(404, given().delete("/console/api/sessions/" + session).statusCode());
    }
}
