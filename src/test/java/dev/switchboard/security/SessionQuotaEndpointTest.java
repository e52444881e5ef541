package dev.switchboard.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One principal holds at most {@code switchboard.session-quota.max-per-principal} sessions and workspaces. */
@QuarkusTest
@TestProfile(SessionQuotaEndpointTest.TwoSessions.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionQuotaEndpointTest {

    public static class TwoSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.session-quota.max-per-principal", "2");
        }
    }

    Tokens tokens;

    private static ValidatableResponse initialize(String token) {
        return Mcp.request()
                .header("Authorization", "Bearer " + token)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void aThirdSessionWaitsUntilOneEnds() {
        String dana = tokens.valid("dana", "mcp");
        String first = initialize(dana).extract().header("Mcp-Session-Id");
        initialize(dana).body("result.protocolVersion", equalTo("2025-11-25"));
        initialize(dana)
                .header("Mcp-Session-Id", org.hamcrest.Matchers.nullValue())
                .body("error.code", equalTo(-32600))
                .body("error.message", containsString("switchboard.session-quota.max-per-principal"));
        // Workspaces count too: they are sessions without the handshake.
        Stateless.call("workspace.open")
                .header("Authorization", "Bearer " + dana)
                .body(Stateless.callBody(1, "workspace.open", "{}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("Too many sessions"));
        // Another principal has its own quota.
        initialize(tokens.valid("erin", "mcp")).body("result.protocolVersion", equalTo("2025-11-25"));

        Mcp.request()
                .header("Authorization", "Bearer " + dana)
                .header("Mcp-Session-Id", first)
                .delete("/mcp")
                .then()
                .statusCode(204);
        initialize(dana).body("result.protocolVersion", equalTo("2025-11-25"));
    }
}
