package dev.switchboard.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One principal holds at most {@code switchboard.session-quota.max-per-principal} sessions and workspaces: the shipped
 * default (100), in the application the other authorization tests share.
 */
@QuarkusTest
@SharedApp
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionQuotaEndpointTest {

    Tokens tokens;

    @ConfigProperty(name = "switchboard.session-quota.max-per-principal")
    int maxPerPrincipal;

    private static ValidatableResponse initialize(String token) {
        return Mcp.request()
                .header("Authorization", "Bearer " + token)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void aSessionPastTheQuotaWaitsUntilOneEnds() {
        assertEquals(100, maxPerPrincipal, "the shipped default");
        String dana = tokens.valid("dana", "mcp");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < maxPerPrincipal; i++) {
            sessions.add(initialize(dana)
                    .body("result.protocolVersion", equalTo("2025-11-25"))
                    .extract()
                    .header("Mcp-Session-Id"));
        }
        initialize(dana)
                .header("Mcp-Session-Id", nullValue())
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
                .header("Mcp-Session-Id", sessions.get(0))
                .delete("/mcp")
                .then()
                .statusCode(204);
        initialize(dana).body("result.protocolVersion", equalTo("2025-11-25"));
    }
}
