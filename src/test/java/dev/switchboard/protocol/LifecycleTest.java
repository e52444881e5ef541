package dev.switchboard.protocol;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.initializeBody;
import static dev.switchboard.testing.Mcp.post;
import static dev.switchboard.testing.Mcp.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** initialize, version negotiation, session ids and ping. */
@QuarkusTest
@SharedApp
class LifecycleTest {

    @ParameterizedTest
    @CsvSource({
        "2024-11-05, 2024-11-05",
        "2025-03-26, 2025-03-26",
        "2025-06-18, 2025-06-18",
        "2025-11-25, 2025-11-25",
        "2099-01-01, 2025-11-25"
    })
    void negotiatesTheProtocolVersion(String requested, String negotiated) {
        request()
                .body(initializeBody(requested))
                .post("/mcp")
                .then()
                .statusCode(200)
                .header("Mcp-Session-Id", notNullValue())
                .body("id", equalTo(1))
                .body("result.protocolVersion", equalTo(negotiated))
                .body("result.serverInfo.name", equalTo("switchboard"))
                .body("result.serverInfo.version", notNullValue())
                .body("result.capabilities.tools.listChanged", equalTo(false));
    }

    @Test
    void sessionIdsAreLongRandomVisibleAscii() {
        String first = initialize();
        String second = initialize();
        assertNotEquals(first, second);
        assertEquals(32, first.length(), "24 random bytes in Base64url: 192 bits");
        assertTrue(first.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), first);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":[],\"clientInfo\":{\"name\":\"c\"}}}"
            })
    void incompleteInitializeIsInvalidParamsWithoutSession(String body) {
        request()
                .body(body)
                .post("/mcp")
                .then()
                .statusCode(200)
                .header("Mcp-Session-Id", nullValue())
                .body("error.code", equalTo(-32602))
                .body(
                        "error.message",
                        startsWith(body.contains("capabilities\":[]") ? "params.capabilities" : "initialize needs"));
    }

    @Test
    void pingAnswersEmptyResult() {
        post(initialize(), "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}")
                .statusCode(200)
                .body("id", equalTo("p"))
                .body("result", equalTo(java.util.Map.of()));
    }

    @Test
    void initializeInsideASessionStartsANewOne() {
        String first = initialize();
        String second = request(first)
                .body(initializeBody("2025-06-18"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
        assertNotEquals(first, second);
    }
}
