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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code search} against the Brave Search API played by WireMock: the key, parameters and headers sent, the mapping
 * of Brave's refusals, and that the key shows in no answer and no log line.
 */
@QuarkusTest
@TestProfile(SearchProfiles.Brave.class)
class BraveSearchTest {

    private static final String PATH = "/res/v1/web/search";
    private static final String KEY_REJECTED =
            "the operator must check SWITCHBOARD_SEARCH_BRAVE_API_KEY and the key's" + " subscription";

    private static final String ANSWER = """
            {"type":"search","query":{"original":"quarkus mcp"},"mixed":{"type":"mixed","main":[]},
             "web":{"type":"search","results":[
               {"title":"<strong>Quarkus</strong> MCP Server","url":"https://docs.quarkiverse.io/quarkus-mcp-server/",
                "description":"Build <strong>MCP</strong> servers with <strong>Quarkus</strong>&#x27;s extension &amp; more.",
                "age":"2 days ago","language":"en","family_friendly":true},
               {"title":"modelcontextprotocol/java-sdk","url":"https://github.com/modelcontextprotocol/java-sdk",
                "description":"The official Java SDK for &quot;MCP&quot;"}
             ]}}""";

    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void sendsTheKeyAndParametersAndAnswersPlainTextHits() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

        search("{\"query\":\"quarkus mcp\"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.provider", equalTo("brave"))
                .body("result.structuredContent.query", equalTo("quarkus mcp"))
                .body(
                        "result.structuredContent.results.url",
                        contains(
                                "https://docs.quarkiverse.io/quarkus-mcp-server/",
                                "https://github.com/modelcontextprotocol/java-sdk"))
                .body("result.structuredContent.results[0].title", equalTo("Quarkus MCP Server"))
                .body(
                        "result.structuredContent.results[0].snippet",
                        equalTo("Build MCP servers with Quarkus's extension & more."))
                .body("result.structuredContent.results[1].snippet", equalTo("The official Java SDK for \"MCP\""));

        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(Map.of("q", "quarkus mcp", "count", "5", "safesearch", "moderate"), params(request));
        assertEquals(SearchProfiles.BRAVE_KEY, request.getHeader("X-Subscription-Token"));
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void safeSearchOffAndTheLimitBecomeBraveParameters() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

        search("{\"query\":\"jazz\",\"limit\":1,\"safeSearch\":false}")
                .body("result.structuredContent.results", hasSize(1));
        assertEquals(Map.of("q", "jazz", "count", "1", "safesearch", "off"), params(onlyRequest()));

        wireMock.resetRequests();
        search("{\"query\":\"jazz\",\"limit\":20}").body("result.isError", equalTo(false));
        assertEquals("10", params(onlyRequest()).get("count"), "capped at switchboard.search.max-results");
    }

    @Test
    void noWebSectionMeansNothingFound() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"type\":\"search\",\"query\":{}}")));

        search("{\"query\":\"xqzzv\"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.results", hasSize(0));
    }

    @Test
    void anUnauthorizedKeyIsNamedButNeverShown() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(401)));

        String message = errorOf(search("{\"query\":\"jazz\"}"));
        assertEquals("Brave Search rejected the API key (HTTP 401): " + KEY_REJECTED, message);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        assertKeyKeptSecret(message);
        assertTrue(
                SearchLog.lines(SearchProfiles.Brave.class).stream()
                        .anyMatch(line -> line.contains("WARN")
                                && line.contains("Brave Search refused a search with" + " HTTP 401")),
                "the operator sees the refusal in the log");
    }

    @Test
    void braveAnswersAnInvalidKeyWith422AndItsCode() {
        wireMock.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(status(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"ErrorResponse\",\"error\":{\"id\":\"e1\",\"status\":422,"
                                + "\"code\":\"SUBSCRIPTION_TOKEN_INVALID\",\"detail\":\"The provided subscription token"
                                + " is invalid.\"}}")));

        String message = errorOf(search("{\"query\":\"jazz\"}"));
        assertEquals(
                "Brave Search rejected the API key (HTTP 422 SUBSCRIPTION_TOKEN_INVALID): " + KEY_REJECTED, message);
        assertKeyKeptSecret(message);
    }

    @Test
    void aParameterBraveRefusesIsTheModelsToFix() {
        wireMock.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(status(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"ErrorResponse\",\"error\":{\"status\":422,\"code\":\"VALIDATION\"}}")));

        assertEquals(
                "Brave Search refused the query (HTTP 422 VALIDATION): try a shorter, simpler query",
                errorOf(search("{\"query\":\"jazz\"}")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void rateLimitingSaysToRetryLaterWithoutRetrying() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(429).withHeader("X-RateLimit-Reset", "1, 86400")));

        assertEquals(
                "Brave Search rate limit or quota reached (HTTP 429): retry later",
                errorOf(search("{\"query\":\"jazz\"}")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void persistentServerErrorsMeanTheProviderIsUnavailable() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));

        String message = errorOf(search("{\"query\":\"jazz\"}"));
        assertEquals(
                "Search provider unavailable: Brave Search answered HTTP 500 (3 attempts); try again later", message);
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
        assertKeyKeptSecret(message);
    }

    @Test
    void aSlowProviderTimesOut() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER).withFixedDelay(2500)));

        assertEquals(
                "Search provider unavailable: Brave Search did not answer within 1500 ms (3 attempts); try again later",
                errorOf(search("{\"query\":\"jazz\"}")));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void malformedAnswersAreReportedAndNotRetried() {
        for (String body : List.of(
                "not json",
                "{}",
                "{\"type\":\"search\",\"web\":{\"results\":{\"oops\":1}}}",
                "{\"type\":\"ErrorResponse\"}")) {
            wireMock.resetAll();
            wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(body)));

            String message = errorOf(search("{\"query\":\"jazz\"}"));
            assertEquals(
                    "Search provider returned a malformed answer: Brave Search did not answer with its JSON search"
                            + " results; try again later",
                    message,
                    body);
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        }
    }

    private static String errorOf(io.restassured.response.ValidatableResponse response) {
        return response.body("result.isError", equalTo(true)).extract().path("result.content[0].text");
    }

    /** The key appears neither in what the model reads nor in anything the service logged since it started. */
    private static void assertKeyKeptSecret(String message) {
        assertFalse(message.contains(SearchProfiles.BRAVE_KEY), "the answer shows the key");
        List<String> log = SearchLog.lines(SearchProfiles.Brave.class);
        assertFalse(log.isEmpty(), "the log file is written");
        assertTrue(log.stream().noneMatch(line -> line.contains(SearchProfiles.BRAVE_KEY)), "the log shows the key");
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertEquals(1, requests.size(), "one request to Brave");
        return requests.get(0);
    }
}
