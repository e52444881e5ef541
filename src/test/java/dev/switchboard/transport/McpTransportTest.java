package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static dev.switchboard.testing.Mcp.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The HTTP envelope of /mcp: statuses, headers, sessions, JSON-RPC framing and batches. */
@QuarkusTest
@SharedApp
class McpTransportTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void acceptMustListJsonAndEventStream() {
        given().contentType(ContentType.JSON)
                .accept("application/json")
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(406)
                .body("error.code", equalTo(-32600))
                .body("error.message", startsWith("Not Acceptable"));
    }

    @Test
    void contentTypeMustBeJson() {
        given().contentType(ContentType.TEXT)
                .accept(Mcp.ACCEPT)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(415)
                .body("error.message", startsWith("Unsupported Media Type"));
    }

    @Test
    void foreignOriginIsForbiddenOnEveryMethod() {
        request()
                .header("Origin", "https://evil.example")
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(403)
                .body("error.message", startsWith("Forbidden: Origin 'https://evil.example'"));
        given().header("Origin", "https://evil.example").delete("/mcp").then().statusCode(403);
        // Methods the endpoint does not serve are refused for the origin first, not answered 405.
        for (String method : new String[] {"PUT", "PATCH", "OPTIONS", "HEAD"}) {
            given().header("Origin", "https://evil.example")
                    .request(method, "/mcp")
                    .then()
                    .statusCode(403);
        }
        given().header("Origin", "https://evil.example").get("/mcp").then().statusCode(403);
    }

    @Test
    void localOriginIsAllowed() {
        request()
                .header("Origin", "http://localhost:6274")
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void requestWithoutSessionIsBadRequest() {
        request()
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600))
                .body("error.message", startsWith("Missing Mcp-Session-Id"));
    }

    @Test
    void unknownSessionIsNotFound() {
        post("not-a-session", PING)
                .statusCode(404)
                .body("error.code", equalTo(-32001))
                .body("error.message", startsWith("Session not found"));
    }

    @Test
    void deleteEndsTheSession() {
        String session = initialize();
        post(session, PING).statusCode(200);
        given().header("Mcp-Session-Id", session).delete("/mcp").then().statusCode(204);
        post(session, PING).statusCode(404);
        given().header("Mcp-Session-Id", session).delete("/mcp").then().statusCode(404);
        given().delete("/mcp").then().statusCode(400);
    }

    @Test
    void protocolVersionHeaderIsChecked() {
        String session = initialize();
        request(session)
                .header("MCP-Protocol-Version", "1999-01-01")
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32022))
                .body("error.message", startsWith("Unsupported protocol version '1999-01-01'"))
                .body("error.data.requested", equalTo("1999-01-01"))
                .body("error.data.supported", hasItems("2026-07-28", "2025-11-25", "2024-11-05"));
        request(session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .body(PING)
                .post("/mcp")
                .then()
                .statusCode(200);
        // Absent header: the server assumes 2025-03-26 and serves the request.
        post(session, PING).statusCode(200).body("result", equalTo(java.util.Map.of()));
    }

    @Test
    void malformedJsonIsParseError() {
        post(initialize(), "{\"jsonrpc\":")
                .statusCode(400)
                .body("error.code", equalTo(-32700))
                .body("id", nullValue())
                .body("error.message", startsWith("The body is not valid JSON"));
    }

    @Test
    void invalidMessageIsInvalidRequestAndEchoesTheId() {
        post(initialize(), "{\"jsonrpc\":\"1.0\",\"id\":\"abc\",\"method\":\"ping\"}")
                .statusCode(400)
                .body("id", equalTo("abc"))
                .body("error.code", equalTo(-32600));
    }

    @Test
    void idsAreEchoedAsSent() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"req-7\",\"method\":\"ping\"}")
                .body("id", equalTo("req-7"));
        String raw = request(session)
                .body("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}")
                .post("/mcp")
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(raw.contains("\"id\":9007199254740993"), raw);
    }

    @Test
    void notificationsGet202AndAnswersNobodyAwaitsGet400() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode(202)
                .body(emptyString());
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"server-1\",\"result\":{}}")
                .statusCode(400)
                .body("error.code", equalTo(-32600))
                .body("error.message", startsWith("No request \"server-1\" is waiting for this answer"));
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        post(initialize(), "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/teleport\"}")
                .statusCode(200)
                .body("id", equalTo(5))
                .body("error.code", equalTo(-32601))
                .body("error.message", equalTo("Method not found: resources/teleport"));
    }

    @Test
    void batchesWorkOnlyInMarch2025Sessions() {
        String batch = "[" + PING + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},{\"jsonrpc\":\"2.0\",\"id\":3}]";
        post(initialize("2025-03-26"), batch)
                .statusCode(200)
                .body("$", hasSize(3))
                .body("[0].id", equalTo(1))
                .body("[0].result", equalTo(java.util.Map.of()))
                .body("[1].error.code", equalTo(-32601))
                .body("[2].id", equalTo(3))
                .body("[2].error.code", equalTo(-32600));
        post(initialize("2025-03-26"), "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]")
                .statusCode(202);
        for (String version : new String[] {"2024-11-05", "2025-06-18", "2025-11-25"}) {
            post(initialize(version), batch)
                    .statusCode(400)
                    .body("error.code", equalTo(-32600))
                    .body("error.message", startsWith("JSON-RPC batches are not supported in protocol revision"));
        }
        request().body(batch).post("/mcp").then().statusCode(400).body("error.code", equalTo(-32600));
    }
}
