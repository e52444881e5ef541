package dev.switchboard.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers to talk MCP over REST Assured. */
public final class Mcp {

    public static final String ACCEPT = "application/json, text/event-stream";

    private Mcp() {}

    /** A POST to /mcp with the headers every MCP client sends. */
    public static RequestSpecification request() {
        return given().contentType(ContentType.JSON).accept(ACCEPT);
    }

    /** A POST within a session. */
    public static RequestSpecification request(String sessionId) {
        return request().header("Mcp-Session-Id", sessionId);
    }

    public static String initializeBody(String protocolVersion) {
        return initializeBody(protocolVersion, "{}");
    }

    /** An {@code initialize} declaring {@code capabilities} (a JSON object). */
    public static String initializeBody(String protocolVersion, String capabilities) {
        return """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",\
                "capabilities":%s,"clientInfo":{"name":"test-client","version":"1.0"}}}""".formatted(protocolVersion, capabilities);
    }

    /** Opens a session and returns its id. */
    public static String initialize(String protocolVersion) {
        return initialize(protocolVersion, "{}");
    }

    /** Opens a session whose client declares {@code capabilities} (a JSON object) and returns its id. */
    public static String initialize(String protocolVersion, String capabilities) {
        return request()
                .body(initializeBody(protocolVersion, capabilities))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
    }

    public static String initialize() {
        return initialize("2025-11-25");
    }

    /** Opens a 2025-11-25 session with a bearer token (authorization on) and returns its id. */
    public static String initializeAs(String token) {
        return request()
                .header("Authorization", "Bearer " + token)
                .body(initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
    }

    public static ValidatableResponse post(String sessionId, String body) {
        return request(sessionId).body(body).post("/mcp").then();
    }

    /** Every page of {@code tools/list} in a session, following the cursors (pages hold 2 tools in tests). */
    public static List<JsonPath> toolPages(String sessionId) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonPath page = post(
                            sessionId,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":" + params + "}")
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages.add(page);
            cursor = page.getString("result.nextCursor");
        } while (cursor != null);
        return pages;
    }

    /** Every tool of {@code tools/list} in a session, in order. */
    public static List<Map<String, Object>> tools(String sessionId) {
        List<Map<String, Object>> tools = new ArrayList<>();
        toolPages(sessionId).forEach(page -> tools.addAll(page.getList("result.tools")));
        return tools;
    }

    public static String call(int id, String tool, String arguments) {
        return """
                {"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"%s","arguments":%s}}""".formatted(id, tool, arguments);
    }
}
