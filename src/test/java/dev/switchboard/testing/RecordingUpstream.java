package dev.switchboard.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;

/**
 * An upstream MCP server played by WireMock, named {@code recorder}: one tool ({@code whoami}), JSON answers, and
 * every request it received kept, headers included, for tests to check what Switchboard sends upstream.
 */
public class RecordingUpstream extends WireMockStub {

    /** The {@code Mcp-Session-Id} of each {@code tools/call} it received, in order. */
    public List<String> callSessions() {
        return server()
                .findAll(postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"tools/call\"")))
                .stream()
                .map(request -> request.getHeader("Mcp-Session-Id"))
                .toList();
    }

    /** The session id each {@code initialize} was answered with (a new one each time). */
    public List<String> openedSessions() {
        return server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("\"initialize\""))
                .map(event -> event.getResponse()
                        .getHeaders()
                        .getHeader("Mcp-Session-Id")
                        .firstValue())
                .toList();
    }

    /** The credential configured for the upstream: the only one it may ever see. */
    public static final String KEY = "upstream-key-5d1e";

    @Override
    protected Map<String, String> config(String baseUrl) {
        server().stubFor(any(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(202)));
        server().stubFor(post(urlEqualTo("/mcp"))
                .withRequestBody(containing("\"method\":\"initialize\""))
                .willReturn(okJson(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-11-25\","
                                        + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"recorder\",\"version\":\"1\"}}}")
                        // a new session id for every initialize, so tests can tell the sessions apart
                        .withHeader("Mcp-Session-Id", "{{randomValue type='UUID'}}")
                        .withTransformers("response-template")));
        server().stubFor(post(urlEqualTo("/mcp"))
                .withRequestBody(containing("\"method\":\"tools/list\""))
                .willReturn(okJson("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"whoami\","
                        + "\"description\":\"Says who is asking\",\"inputSchema\":{\"type\":\"object\"}}]}}")));
        server().stubFor(post(urlEqualTo("/mcp"))
                .withRequestBody(containing("\"method\":\"tools/call\""))
                .willReturn(okJson("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\","
                        + "\"text\":\"someone\"}]}}")));
        return Map.of(
                "switchboard.upstreams.recorder.url",
                baseUrl + "/mcp",
                "switchboard.upstreams.recorder.headers.X-Upstream-Key",
                KEY);
    }
}
