package dev.switchboard.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.StatelessUpstreamStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 2026-07-28 upstream: found by {@code server/discover}, called without a session, each request in the revision's
 * envelope with its mirrored headers; its {@code input_required} is asked of our caller, and the call sent again with
 * the answer and the upstream's {@code requestState}.
 */
@QuarkusTest
@WithTestResource(value = StatelessUpstreamStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StatelessUpstreamTest {

    private static final String ELICITING = "{\"elicitation\":{\"form\":{}}}";

    WireMockServer upstream;

    @Inject
    ObjectMapper mapper;

    @Test
    void itsToolsViewsPassOnToClientsThatRenderViewsAndItsToolsForViewsAloneStayHiddenFromOthers() {
        String renders =
                "{\"extensions\":{\"io.modelcontextprotocol/ui\":{\"mimeTypes\":[\"text/html;profile=mcp-app\"]}}}";
        Await.until(() -> Mcp.tools(Mcp.initialize("2025-11-25", renders)).stream()
                .anyMatch(tool -> "modern.board".equals(tool.get("name"))));
        Map<String, Map<String, Object>> rendering = new HashMap<>();
        Mcp.tools(Mcp.initialize("2025-11-25", renders))
                .forEach(tool -> rendering.put((String) tool.get("name"), tool));
        assertEquals(
                Map.of("ui", Map.of("resourceUri", "ui://modern/board", "visibility", List.of("model", "app"))),
                rendering.get("modern.board").get("_meta"));
        assertEquals(
                Map.of("ui", Map.of("resourceUri", "ui://modern/board", "visibility", List.of("app"))),
                rendering.get("modern.refresh").get("_meta"));
        assertNull(rendering.get("modern.greet").get("_meta"));

        Map<String, Map<String, Object>> plain = new HashMap<>();
        Mcp.tools(Mcp.initialize()).forEach(tool -> plain.put((String) tool.get("name"), tool));
        assertNull(plain.get("modern.board").get("_meta"), "a plain tool for a client that renders no view");
        assertFalse(
                plain.containsKey("modern.refresh"), "the upstream's tool for its view alone, hidden from the model");
    }

    @Test
    void itsQuestionReachesOurCallerAndTheAnswerGoesBackWithItsState() throws Exception {
        Await.until(
                () -> Mcp.tools(Mcp.initialize()).stream().anyMatch(tool -> "modern.greet".equals(tool.get("name"))));

        JsonPath asked = call("");
        assertEquals("input_required", asked.getString("result.resultType"), asked.prettify());
        String key = "upstream-modern-who";
        assertEquals("elicitation/create", asked.getString("result.inputRequests.'" + key + "'.method"));
        assertEquals("Who is asking?", asked.getString("result.inputRequests.'" + key + "'.params.message"));

        JsonPath answered = call("\"requestState\":\"" + asked.getString("result.requestState")
                + "\",\"inputResponses\":{\"" + key + "\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}");
        assertEquals("Hello from upstream", answered.getString("result.content[0].text"), answered.prettify());

        List<LoggedRequest> calls =
                upstream.findAll(postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"tools/call\"")));
        LoggedRequest last = calls.get(calls.size() - 1);
        JsonNode params = mapper.readTree(last.getBodyAsString()).path("params");
        assertEquals("accept", params.at("/inputResponses/who/action").asText(), params.toString());
        assertEquals("Ada", params.at("/inputResponses/who/content/name").asText());
        assertEquals("state-1", params.path("requestState").asText(), "the upstream's state goes back to it");
        for (LoggedRequest request : upstream.findAll(postRequestedFor(urlEqualTo("/mcp")))) {
            JsonNode body = mapper.readTree(request.getBodyAsString());
            assertEquals("2026-07-28", request.getHeader("MCP-Protocol-Version"));
            assertEquals(body.path("method").asText(), request.getHeader("Mcp-Method"));
            assertEquals(
                    "2026-07-28",
                    body.at("/params/_meta/io.modelcontextprotocol~1protocolVersion")
                            .asText());
            assertFalse(body.at("/params/_meta/io.modelcontextprotocol~1clientCapabilities/elicitation")
                    .isMissingNode());
            assertNull(request.getHeader("Mcp-Session-Id"), "no session in 2026-07-28");
            assertFalse(body.path("method").asText().equals("initialize"), "no handshake");
        }
        assertEquals("greet", last.getHeader("Mcp-Name"));
        assertEquals("Oslo", last.getHeader("Mcp-Param-City"), "the argument the tool mirrors into a header");
    }

    private static JsonPath call(String extra) {
        return Stateless.call("modern.greet")
                .header("Mcp-Param-City", "Oslo")
                .body(Stateless.callBody(1, "modern.greet", "{\"city\":\"Oslo\"}", extra, Stateless.meta(ELICITING)))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
