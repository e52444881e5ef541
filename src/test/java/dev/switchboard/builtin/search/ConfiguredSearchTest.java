package dev.switchboard.builtin.search;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.builtin.search.SearchCalls.params;
import static dev.switchboard.builtin.search.SearchCalls.search;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.testing.MemoryStoreProfile;
import dev.switchboard.testing.ProfileLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring of {@code search}: the provider {@code switchboard.search.*} configures (Brave, with a key) is created at
 * start-up and answers calls over MCP; the key shows in no answer and in no log line from start-up on. The providers'
 * behaviour is tested in {@link BraveSearchTest} and {@link SearxngSearchTest}, the tool's in {@link SearchToolTest}.
 */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class ConfiguredSearchTest {

    private static final String PATH = "/res/v1/web/search";

    WireMockServer apis;

    @BeforeEach
    void reset() {
        apis.resetAll();
    }

    @Test
    void aCallOverMcpReachesTheConfiguredProviderWithItsKey() {
        apis.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(BraveSearchTest.ANSWER)));

        search("{\"query\":\"  quarkus mcp \",\"limit\":20}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.provider", equalTo("brave"))
                .body("result.structuredContent.query", equalTo("quarkus mcp"))
                .body(
                        "result.structuredContent.results.url",
                        contains(
                                "https://docs.quarkiverse.io/quarkus-mcp-server/",
                                "https://github.com/modelcontextprotocol/java-sdk"))
                .body(
                        "result.structuredContent.results[0].snippet",
                        equalTo("Build MCP servers with Quarkus's extension & more."));

        List<LoggedRequest> requests = apis.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertEquals(1, requests.size(), "one request to Brave");
        assertEquals(
                java.util.Map.of("q", "quarkus mcp", "count", "10", "safesearch", "moderate"),
                params(requests.get(0)),
                "the limit capped at switchboard.search.max-results");
        assertEquals(MemoryStoreProfile.BRAVE_KEY, requests.get(0).getHeader("X-Subscription-Token"));
    }

    @Test
    void theKeyShowsInNoAnswerAndNoLogLine() {
        apis.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(401)));

        String message = search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .extract()
                .path("result.content[0].text");
        assertEquals(
                "Brave Search rejected the API key (HTTP 401): the operator must check SWITCHBOARD_SEARCH_BRAVE_API_KEY"
                        + " and the key's subscription",
                message);
        apis.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

        List<String> log = ProfileLog.lines(MemoryStoreProfile.class);
        assertTrue(
                log.stream()
                        .anyMatch(line -> line.contains("Web search uses the Brave Search API at " + apis.baseUrl())),
                "start-up names the provider");
        assertTrue(
                log.stream()
                        .anyMatch(line ->
                                line.contains("WARN") && line.contains("Brave Search refused a search with HTTP 401")),
                "the operator sees the refusal");
        assertFalse(
                log.stream().anyMatch(line -> line.contains(MemoryStoreProfile.BRAVE_KEY)), "the log shows the key");
    }

    @Test
    void invalidArgumentsNeverReachTheProvider() {
        search("{\"query\":\" \"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'search': 'query' must not be blank (@NotBlank)"));
        search("{\"query\":\"jazz\",\"limit\":21}").body("result.isError", equalTo(true));
        search("{\"query\":\"jazz\",\"limit\":0}").body("result.isError", equalTo(true));
        search("{\"query\":\"" + "a".repeat(401) + "\"}").body("result.isError", equalTo(true));
        apis.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
