package dev.switchboard.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.MemoryStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** CORS switched on for one browser origin: preflights pass, and pages can read the session id. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class CorsTest {

    private static final String APP = MemoryStoreProfile.BROWSER_APP;

    @Test
    void aPreflightFromTheAppIsAllowedWithTheMcpHeaders() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header(
                        "Access-Control-Request-Headers",
                        "content-type,authorization,mcp-session-id,mcp-protocol-version,mcp-param-workspace")
                .options("/mcp")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("mcp-param-workspace"));
    }

    @Test
    void theAppCanReadTheSessionId() {
        Mcp.request()
                .header("Origin", APP)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP))
                .header("Access-Control-Expose-Headers", containsString("Mcp-Session-Id"));
    }

    @Test
    void anotherSiteIsStillRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/mcp")
                .then()
                .statusCode(403);
        Mcp.request()
                .header("Origin", "https://evil.example")
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
