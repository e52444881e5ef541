package dev.switchboard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The console with authorization on (the application of the OAuth tests): its API needs a token with the console's
 * scope, checked by the same bearer filter as {@code /mcp}; the page's MCP calls come from the server's own origin,
 * under whatever host name it is reached by; an operator ends another principal's session.
 */
@QuarkusTest
@SharedApp
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsoleAuthorizationTest {

    private static final String METADATA_URL = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";

    Tokens tokens;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void theApiNeedsATokenWithTheConsoleScope() {
        given().get("/console/api/overview")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer scope=\"mcp\", resource_metadata=\"" + METADATA_URL + "\""))
                .body("error.message", startsWith("Unauthorized"));
        as(tokens.forged("ops", "admin")).get("/console/api/sessions").then().statusCode(401);
        as(tokens.valid("alice", "mcp"))
                .get("/console/api/overview")
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString("admin"))
                .body("error.message", containsString("[admin]"));
        as(tokens.valid("alice", "mcp"))
                .delete("/console/api/sessions/x")
                .then()
                .statusCode(403);
        String admin = tokens.valid("ops", "admin");
        for (String path : new String[] {"overview", "sessions", "tasks", "metrics"}) {
            as(admin).get("/console/api/" + path).then().statusCode(200);
        }
    }

    @Test
    void aForeignOriginIsRefusedBeforeTheToken() {
        as(tokens.valid("ops", "admin"))
                .header("Origin", "https://evil.example")
                .get("/console/api/overview")
                .then()
                .statusCode(403)
                .body("error.message", containsString("is not this server's origin"));
    }

    @Test
    void mcpAcceptsItsOwnOriginUnderAnyHostName() {
        String host = "console.example.test:" + RestAssured.port;
        String token = tokens.valid("alice", "mcp");
        Mcp.request()
                .header("Authorization", "Bearer " + token)
                .header("Host", host)
                .header("Origin", "http://" + host)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200);
        Mcp.request()
                .header("Authorization", "Bearer " + token)
                .header("Host", host)
                .header("Origin", "http://other.example.test:" + RestAssured.port)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(403);
        // The console API too: same origin under that name, with the token.
        as(tokens.valid("ops", "admin"))
                .header("Host", host)
                .header("Origin", "http://" + host)
                .header("Sec-Fetch-Site", "same-origin")
                .get("/console/api/overview")
                .then()
                .statusCode(200);
    }

    @Test
    void anOperatorEndsAnotherPrincipalsSession() {
        String alice = tokens.valid("alice", "mcp");
        String session = Mcp.initializeAs(alice);
        String admin = tokens.valid("ops", "admin");
        as(admin)
                .get("/console/api/sessions?limit=500")
                .then()
                .statusCode(200)
                .body("sessions.id", hasItem(session))
                .body("sessions.find { it.id == '" + session + "' }.owner", not(equalTo("open")));
        as(admin).delete("/console/api/sessions/" + session).then().statusCode(204);
        Mcp.request(session)
                .header("Authorization", "Bearer " + alice)
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                .post("/mcp")
                .then()
                .statusCode(404);
    }
}
