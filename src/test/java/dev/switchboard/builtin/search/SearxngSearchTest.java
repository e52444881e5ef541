package dev.switchboard.builtin.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.switchboard.builtin.search.SearchCalls.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.api.ToolException;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SearXNG provider against an instance played by WireMock: the exact requests, the hits, and every way it can
 * fail. The provider is built here from settings, as the producer builds it (its REST client needs a running
 * application: the one the other tests share); {@code ConfiguredSearchTest} checks the wiring over MCP.
 */
@QuarkusTest
@SharedApp
class SearxngSearchTest {

    /** Generous, so a loaded machine never turns a normal answer into a timeout; the timeout test has its own. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String ANSWER = """
            {"query":"quarkus mcp","number_of_results":0,"results":[
              {"url":"https://quarkus.io/","title":"Quarkus - <b>Supersonic</b> Subatomic Java",
               "content":"Kubernetes &amp; native:<br>fast  start-up","engine":"duckduckgo","score":3.5},
              {"url":"https://github.com/quarkiverse/quarkus-mcp-server","title":"quarkus-mcp-server",
               "content":"An MCP server for Quarkus","engine":"github"},
              {"url":"ftp://files.example.org/skipped","title":"not a web page","content":"skipped"},
              {"url":"https://example.org/untitled","title":"","content":null}
            ],"answers":[],"corrections":[],"infoboxes":[],"suggestions":[],"unresponsive_engines":[]}""";

    @RegisterExtension
    static final WireMockExtension SEARXNG = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Inject
    ObjectMapper mapper;

    private SearxngSearch searxng;

    @BeforeEach
    void provider() {
        searxng = provider(TIMEOUT);
    }

    @AfterEach
    void close() {
        searxng.close();
    }

    private SearxngSearch provider(Duration timeout) {
        return new SearxngSearch(SearchSettings.searxng(SEARXNG.baseUrl(), timeout), mapper);
    }

    private String failure(SearxngSearch provider) {
        return assertThrows(ToolException.class, () -> provider.search("jazz", 5, true))
                .getMessage();
    }

    @Test
    void sendsTheJsonApiRequestAndAnswersPlainTextHits() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(ANSWER)));

        List<SearchHit> hits = searxng.search("quarkus mcp", 5, true);

        assertEquals("searxng", searxng.name());
        assertEquals(
                List.of(
                        "https://quarkus.io/",
                        "https://github.com/quarkiverse/quarkus-mcp-server",
                        "https://example.org/untitled"),
                hits.stream().map(SearchHit::url).toList());
        assertEquals("Quarkus - Supersonic Subatomic Java", hits.get(0).title());
        assertEquals("Kubernetes & native: fast start-up", hits.get(0).snippet());
        assertEquals("https://example.org/untitled", hits.get(2).title());
        assertEquals("", hits.get(2).snippet());

        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(Map.of("q", "quarkus mcp", "format", "json", "safesearch", "1", "pageno", "1"), params(request));
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void safeSearchOffAndTheLimitAreApplied() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(SearchCalls.searxngResults(6))));

        List<SearchHit> hits = searxng.search("jazz", 2, false);

        assertEquals(
                List.of("https://example.org/1", "https://example.org/2"),
                hits.stream().map(SearchHit::url).toList());
        assertEquals("0", params(onlyRequest()).get("safesearch"));
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerServed() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(502))
                .willSetStateTo("recovered"));
        SEARXNG.stubFor(get(urlPathEqualTo("/search"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(SearchCalls.searxngResults(1))));

        assertEquals(1, searxng.search("jazz", 5, true).size());
        SEARXNG.verify(2, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void persistentServerErrorsMeanTheProviderIsUnavailable() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(serverError().withStatus(503)));

        assertEquals(
                "Search provider unavailable: SearXNG answered HTTP 503 (3 attempts); try again later",
                failure(searxng));
        SEARXNG.verify(3, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aSlowProviderTimesOut() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(okJson(SearchCalls.searxngResults(1)).withFixedDelay(1200)));

        try (SearxngSearch impatient = provider(Duration.ofMillis(400))) {
            assertEquals(
                    "Search provider unavailable: SearXNG did not answer within 400 ms (3 attempts); try again later",
                    failure(impatient));
        }
        SEARXNG.verify(3, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aBrokenConnectionMeansTheProviderIsUnavailable() {
        SEARXNG.stubFor(
                get(urlPathEqualTo("/search")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertEquals(
                "Search provider unavailable: SearXNG could not be reached (3 attempts); try again later",
                failure(searxng));
    }

    @Test
    void malformedAnswersAreReportedAndNotRetried() {
        for (String body : List.of("<html><body>Search</body></html>", "{\"results\":\"none\"}", "{}", "[]", "")) {
            SEARXNG.resetAll();
            SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(body)));

            assertEquals(
                    "Search provider returned a malformed answer: SearXNG did not answer with its JSON search"
                            + " results; try again later",
                    failure(searxng),
                    body);
            SEARXNG.verify(1, getRequestedFor(urlPathEqualTo("/search")));
        }
    }

    @Test
    void aDisabledJsonFormatNamesTheSettingToChange() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(status(403).withBody("Forbidden")));

        assertEquals(
                "SearXNG refused the JSON API (HTTP 403): its settings.yml must list json under search.formats",
                failure(searxng));
        SEARXNG.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void rateLimitingSaysToRetryLaterWithoutRetrying() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search")).willReturn(status(429)));

        assertEquals(
                "SearXNG rate-limited this server (HTTP 429): retry later, or exempt this server from the SearXNG"
                        + " limiter",
                failure(searxng));
        SEARXNG.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void noResultsBecauseEveryEngineFailedIsNotAnEmptyAnswer() {
        SEARXNG.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(okJson("{\"results\":[],\"unresponsive_engines\":[[\"duckduckgo\",\"timeout\"],"
                        + "[\"brave\",\"too many requests\"]]}")));

        assertEquals(
                "Search provider unavailable: SearXNG's engines did not answer (duckduckgo, brave); try again later",
                failure(searxng));
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        SEARXNG.stubFor(
                get(urlPathEqualTo("/search")).willReturn(okJson("{\"results\":[],\"unresponsive_engines\":[]}")));

        assertEquals(List.of(), searxng.search("xqzzv", 5, true));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = SEARXNG.findAll(getRequestedFor(urlPathEqualTo("/search")));
        assertEquals(1, requests.size(), "one request to SearXNG");
        return requests.get(0);
    }
}
