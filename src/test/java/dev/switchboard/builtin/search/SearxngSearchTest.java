package dev.switchboard.builtin.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.builtin.search.SearchCalls.params;
import static dev.switchboard.builtin.search.SearchCalls.search;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code search} against a SearXNG instance played by WireMock: the exact requests, and every way it can fail. */
@QuarkusTest
@TestProfile(SearchProfiles.Searxng.class)
class SearxngSearchTest {

    private static final String ANSWER = """
            {"query":"quarkus mcp","number_of_results":0,"results":[
              {"url":"https://quarkus.io/","title":"Quarkus - <b>Supersonic</b> Subatomic Java",
               "content":"Kubernetes &amp; native:<br>fast  start-up","engine":"duckduckgo","score":3.5},
              {"url":"https://github.com/quarkiverse/quarkus-mcp-server","title":"quarkus-mcp-server",
               "content":"An MCP server for Quarkus","engine":"github"},
              {"url":"ftp://files.example.org/skipped","title":"not a web page","content":"skipped"},
              {"url":"https://example.org/untitled","title":"","content":null}
            ],"answers":[],"corrections":[],"infoboxes":[],"suggestions":[],"unresponsive_engines":[]}""";

    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void sendsTheJsonApiRequestAndAnswersPlainTextHits() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(ANSWER)));

        search("{\"query\":\"  quarkus mcp \"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.provider", equalTo("searxng"))
                .body("result.structuredContent.query", equalTo("quarkus mcp"))
                .body(
                        "result.structuredContent.results.url",
                        contains(
                                "https://quarkus.io/",
                                "https://github.com/quarkiverse/quarkus-mcp-server",
                                "https://example.org/untitled"))
                .body("result.structuredContent.results[0].title", equalTo("Quarkus - Supersonic Subatomic Java"))
                .body("result.structuredContent.results[0].snippet", equalTo("Kubernetes & native: fast start-up"))
                .body("result.structuredContent.results[2].title", equalTo("https://example.org/untitled"))
                .body("result.structuredContent.results[2].snippet", equalTo(""));

        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(Map.of("q", "quarkus mcp", "format", "json", "safesearch", "1", "pageno", "1"), params(request));
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void safeSearchOffAndTheLimitAreApplied() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(SearchCalls.searxngResults(6))));

        search("{\"query\":\"jazz\",\"limit\":2,\"safeSearch\":false}")
                .body(
                        "result.structuredContent.results.url",
                        contains("https://example.org/1", "https://example.org/2"));

        assertEquals("0", params(onlyRequest()).get("safesearch"));
    }

    @Test
    void theServerCapsTheLimitAtMaxResults() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(SearchCalls.searxngResults(15))));

        search("{\"query\":\"jazz\",\"limit\":20}").body("result.structuredContent.results", hasSize(10));
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerServed() {
        wireMock.stubFor(get(urlPathEqualTo("/search"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(502))
                .willSetStateTo("recovered"));
        wireMock.stubFor(get(urlPathEqualTo("/search"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(SearchCalls.searxngResults(1))));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.results", hasSize(1));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void persistentServerErrorsMeanTheProviderIsUnavailable() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(serverError().withStatus(503)));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo(
                                "Search provider unavailable: SearXNG answered HTTP 503 (3 attempts); try again later"));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aSlowProviderTimesOut() {
        wireMock.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(okJson(SearchCalls.searxngResults(1)).withFixedDelay(2500)));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Search provider unavailable: SearXNG did not answer within 1500 ms (3 attempts);"
                                + " try again later"));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aBrokenConnectionMeansTheProviderIsUnavailable() {
        wireMock.stubFor(
                get(urlPathEqualTo("/search")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Search provider unavailable: SearXNG could not be reached (3 attempts); try again"
                                + " later"));
    }

    @Test
    void malformedAnswersAreReportedAndNotRetried() {
        for (String body : List.of("<html><body>Search</body></html>", "{\"results\":\"none\"}", "{}", "[]", "")) {
            wireMock.resetAll();
            wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(body)));

            search("{\"query\":\"jazz\"}")
                    .body("result.isError", equalTo(true))
                    .body(
                            "result.content[0].text",
                            equalTo("Search provider returned a malformed answer: SearXNG did not answer with its"
                                    + " JSON search results; try again later"));
            wireMock.verify(1, getRequestedFor(urlPathEqualTo("/search")));
        }
    }

    @Test
    void aDisabledJsonFormatNamesTheSettingToChange() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(status(403).withBody("Forbidden")));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("SearXNG refused the JSON API (HTTP 403): its settings.yml must list json under"
                                + " search.formats"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void rateLimitingSaysToRetryLaterWithoutRetrying() {
        wireMock.stubFor(get(urlPathEqualTo("/search")).willReturn(status(429)));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("SearXNG rate-limited this server (HTTP 429): retry later, or exempt this server from"
                                + " the SearXNG limiter"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void noResultsBecauseEveryEngineFailedIsNotAnEmptyAnswer() {
        wireMock.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(okJson("{\"results\":[],\"unresponsive_engines\":[[\"duckduckgo\",\"timeout\"],"
                        + "[\"brave\",\"too many requests\"]]}")));

        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Search provider unavailable: SearXNG's engines did not answer (duckduckgo, brave);"
                                + " try again later"));
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        wireMock.stubFor(
                get(urlPathEqualTo("/search")).willReturn(okJson("{\"results\":[],\"unresponsive_engines\":[]}")));

        search("{\"query\":\"xqzzv\"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.results", hasSize(0));
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
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/search")));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo("/search")));
        assertEquals(1, requests.size(), "one request to SearXNG");
        return requests.get(0);
    }
}
