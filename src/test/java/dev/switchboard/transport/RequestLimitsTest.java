package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The body size limit (413) and the JSON limits of switchboard.limits.json (400, parse error naming the setting). */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestLimitsTest {

    @TestHTTPResource("/mcp")
    URI mcp;

    private static String ping(String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + params + "}";
    }

    private static void refusedAsParseError(String body, String setting) {
        request()
                .body(body)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("id", nullValue())
                .body("error.code", equalTo(-32700))
                .body(
                        "error.message",
                        org.hamcrest.Matchers.containsString("(switchboard.limits.json." + setting + ")"));
    }

    @Test
    void aBodyOverTheLimitGets413WithAJsonRpcError() {
        request()
                .body(ping("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}"))
                .post("/mcp")
                .then()
                .statusCode(413)
                .body("id", nullValue())
                .body("error.code", equalTo(-32600))
                .body(
                        "error.message",
                        equalTo("Payload Too Large: the body exceeds 65536 bytes (quarkus.http.limits.max-body-size)"));
    }

    @Test
    void aChunkedBodyOverTheLimitGets413() throws Exception {
        byte[] body = ping("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", Mcp.ACCEPT)
                // A stream of unknown length: sent chunked, so only Quarkus' own reader can count it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        // HTTP/1.1: the JDK client otherwise offers an h2c upgrade, and a refused upgraded stream ends in GOAWAY
        HttpClient http1 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http1.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void aBodyUnderEveryLimitIsServed() {
        String nested = "[".repeat(7) + "\"" + "y".repeat(900) + "\"" + "]".repeat(7);
        request()
                .body(ping("{\"a\":" + nested + ",\"n\":12345678901234567890,\"" + "k".repeat(50) + "\":1}"))
                .post("/mcp")
                .then()
                .statusCode(400) // ping needs a session: the body itself was parsed
                .body("error.code", equalTo(-32600));
    }

    @Test
    void nestingDeeperThanTheLimitIsAParseError() {
        refusedAsParseError(ping("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}"), "max-nesting-depth");
    }

    @Test
    void aStringLongerThanTheLimitIsAParseError() {
        refusedAsParseError(ping("{\"a\":\"" + "z".repeat(1001) + "\"}"), "max-string-length");
    }

    @Test
    void aNumberLongerThanTheLimitIsAParseError() {
        refusedAsParseError(ping("{\"a\":" + "9".repeat(21) + "}"), "max-number-length");
        refusedAsParseError(ping("{\"a\":0." + "1".repeat(21) + "}"), "max-number-length");
    }

    @Test
    void aPropertyNameLongerThanTheLimitIsAParseError() {
        refusedAsParseError(ping("{\"" + "k".repeat(51) + "\":1}"), "max-name-length");
    }
}
