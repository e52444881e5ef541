package dev.switchboard.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Helpers to talk MCP 2026-07-28 (stateless) over REST Assured. */
public final class Stateless {

    public static final String VERSION = "2026-07-28";

    /** The {@code _meta} envelope every 2026-07-28 request carries; {@code capabilities} is a JSON object. */
    public static String meta(String capabilities) {
        return """
                "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",\
                "io.modelcontextprotocol/clientInfo":{"name":"test-client","version":"1.0"},\
                "io.modelcontextprotocol/clientCapabilities":%s}""".formatted(capabilities);
    }

    public static String meta() {
        return meta("{}");
    }

    /** A request body: {@code params} is the JSON of the params' members other than {@code _meta}, or empty. */
    public static String body(Object id, String method, String params, String meta) {
        String members = params.isEmpty() ? meta : params + "," + meta;
        return """
                {"jsonrpc":"2.0","id":%s,"method":"%s","params":{%s}}""".formatted(id, method, members);
    }

    public static String body(Object id, String method, String params) {
        return body(id, method, params, meta());
    }

    /** A POST with the standard headers: version, Accept, Content-Type and {@code Mcp-Method}. */
    public static RequestSpecification request(String method) {
        return given().contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", method);
    }

    /** A {@code tools/call} POST with its {@code Mcp-Name}. */
    public static RequestSpecification call(String tool) {
        return request("tools/call").header("Mcp-Name", tool);
    }

    public static String callBody(Object id, String tool, String arguments, String extra, String meta) {
        String params = "\"name\":\"" + tool + "\",\"arguments\":" + arguments + (extra.isEmpty() ? "" : "," + extra);
        return body(id, "tools/call", params, meta);
    }

    public static String callBody(Object id, String tool, String arguments) {
        return callBody(id, tool, arguments, "", meta());
    }

    /** Opens a workspace with {@code workspace.open} through {@code request} and returns its handle. */
    public static String openWorkspace(RequestSpecification request) {
        return request.body(callBody(1, "workspace.open", "{}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("result.structuredContent.workspace");
    }

    /** The Base64 sentinel form of a header value. */
    public static String sentinel(String value) {
        return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private Stateless() {}
}
