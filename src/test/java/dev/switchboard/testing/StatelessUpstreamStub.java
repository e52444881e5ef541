package dev.switchboard.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Map;

/**
 * A 2026-07-28 upstream played by WireMock, named {@code modern}: it answers {@code server/discover}, lists
 * {@code greet} (whose {@code city} argument is mirrored into {@code Mcp-Param-City}) and, to a client that declares
 * the MCP Apps extension, {@code board} with a view and {@code refresh} for that view alone; it answers a call with
 * {@code input_required} (an elicitation, with a {@code requestState}) until the call brings {@code inputResponses}.
 * The memory store. Every request it receives is kept for the test to check.
 */
public class StatelessUpstreamStub extends WireMockStub {

    /** The Apps extension as a client declares it in its capabilities (here: the request envelope's {@code _meta}). */
    private static final String APPS_DECLARED =
            "\"extensions\":{\"io.modelcontextprotocol/ui\":{\"mimeTypes\":[\"text/html;profile=mcp-app\"]}}";

    @Override
    protected Map<String, String> config(String baseUrl) {
        server().stubFor(post(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(400)));
        answer(
                "\"server/discover\"",
                "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
                        + "\"capabilities\":{\"tools\":{}}}",
                1);
        String greet = "{\"name\":\"greet\",\"inputSchema\":"
                + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"x-mcp-header\":\"City\"}}}}";
        // Like a server on the Apps SDK: tools with views only for a client that declares the Apps extension.
        answer(
                "\"tools/list\"",
                "{\"resultType\":\"complete\",\"tools\":[" + greet + ","
                        + "{\"name\":\"board\",\"inputSchema\":{\"type\":\"object\"},"
                        + "\"_meta\":{\"ui\":{\"resourceUri\":\"ui://modern/board\"}}},"
                        + "{\"name\":\"refresh\",\"inputSchema\":{\"type\":\"object\"},"
                        + "\"_meta\":{\"ui\":{\"resourceUri\":\"ui://modern/board\",\"visibility\":[\"app\"]}}}]}",
                1,
                APPS_DECLARED);
        answer("\"tools/list\"", "{\"resultType\":\"complete\",\"tools\":[" + greet + "]}", 2);
        answer(
                "\"tools/call\"",
                "{\"resultType\":\"input_required\",\"inputRequests\":{\"who\":{\"method\":"
                        + "\"elicitation/create\",\"params\":{\"mode\":\"form\",\"message\":\"Who is asking?\","
                        + "\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}}}},"
                        + "\"requestState\":\"state-1\"}",
                2);
        answer(
                "\"inputResponses\"",
                "{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":" + "\"Hello from upstream\"}]}",
                1);
        return Map.of(
                "switchboard.sessions.store", "memory",
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "switchboard.weather.provider", "offline",
                "switchboard.upstreams.modern.url", baseUrl + "/mcp");
    }

    /**
     * JSON-RPC results (id 1: this client reads a JSON answer whatever its id) for bodies containing every one of
     * {@code parts}.
     */
    private void answer(String part, String result, int priority, String... more) {
        MappingBuilder request = post(urlEqualTo("/mcp")).atPriority(priority).withRequestBody(containing(part));
        for (String also : more) {
            request = request.withRequestBody(containing(also));
        }
        server().stubFor(request.willReturn(okJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}")));
    }
}
