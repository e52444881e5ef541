package dev.switchboard.builtin.search;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.switchboard.builtin.search.SearchCalls.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.api.ToolException;
import dev.switchboard.testing.CapturedLog;
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
 * The Brave Search provider against the API played by WireMock: the key, parameters and headers sent, the mapping of
 * Brave's refusals, and that the key shows in no answer and no log line. The provider is built here from settings,
 * as the producer builds it; {@code ConfiguredSearchTest} checks the wiring over MCP.
 */
@QuarkusTest
@SharedApp
class BraveSearchTest {

    private static final String KEY = "test-brave-key-5d02a8";
    private static final String PATH = "/res/v1/web/search";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY_REJECTED =
            "the operator must check SWITCHBOARD_SEARCH_BRAVE_API_KEY and the key's subscription";

    static final String ANSWER = """
            {"type":"search","query":{"original":"quarkus mcp"},"mixed":{"type":"mixed","main":[]},
             "web":{"type":"search","results":[
               {"title":"<strong>Quarkus</strong> MCP Server","url":"https://docs.quarkiverse.io/quarkus-mcp-server/",
                "description":"Build <strong>MCP</strong> servers with <strong>Quarkus</strong>&#x27;s extension &amp; more.",
                "age":"2 days ago","language":"en","family_friendly":true},
               {"title":"modelcontextprotocol/java-sdk","url":"https://github.com/modelcontextprotocol/java-sdk",
                "description":"The official Java SDK for &quot;MCP&quot;"}
             ]}}""";

    @RegisterExtension
    static final WireMockExtension BRAVE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Inject
    ObjectMapper mapper;

    private BraveSearch brave;
    private CapturedLog log;

    @BeforeEach
    void provider() {
        log = CapturedLog.start();
        brave = provider(TIMEOUT);
    }

    @AfterEach
    void close() {
        brave.close();
        log.close();
    }

    private BraveSearch provider(Duration timeout) {
        return new BraveSearch(SearchSettings.brave(BRAVE.baseUrl(), KEY, timeout), mapper);
    }

    private String failure(BraveSearch provider) {
        return assertThrows(ToolException.class, () -> provider.search("jazz", 5, true))
                .getMessage();
    }

    @Test
    void sendsTheKeyAndParametersAndAnswersPlainTextHits() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

        List<SearchHit> hits = brave.search("quarkus mcp", 5, true);

        assertEquals("brave", brave.name());
        assertEquals(
                List.of(
                        new SearchHit(
                                "Quarkus MCP Server",
                                "https://docs.quarkiverse.io/quarkus-mcp-server/",
                                "Build MCP servers with Quarkus's extension & more."),
                        new SearchHit(
                                "modelcontextprotocol/java-sdk",
                                "https://github.com/modelcontextprotocol/java-sdk",
                                "The official Java SDK for \"MCP\"")),
                hits);
        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(Map.of("q", "quarkus mcp", "count", "5", "safesearch", "moderate"), params(request));
        assertEquals(KEY, request.getHeader("X-Subscription-Token"));
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void safeSearchOffAndTheLimitBecomeBraveParameters() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER)));

        assertEquals(1, brave.search("jazz", 1, false).size());
        assertEquals(Map.of("q", "jazz", "count", "1", "safesearch", "off"), params(onlyRequest()));
    }

    @Test
    void noWebSectionMeansNothingFound() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"type\":\"search\",\"query\":{}}")));

        assertEquals(List.of(), brave.search("xqzzv", 5, true));
    }

    @Test
    void anUnauthorizedKeyIsNamedButNeverShown() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(401)));

        String message = failure(brave);
        assertEquals("Brave Search rejected the API key (HTTP 401): " + KEY_REJECTED, message);
        BRAVE.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        assertKeyKeptSecret(message);
        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith("WARN")
                                && line.contains("Brave Search refused a search with HTTP 401")),
                "the operator sees the refusal in the log: " + log.lines());
    }

    @Test
    void braveAnswersAnInvalidKeyWith422AndItsCode() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(status(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"ErrorResponse\",\"error\":{\"id\":\"e1\",\"status\":422,"
                                + "\"code\":\"SUBSCRIPTION_TOKEN_INVALID\",\"detail\":\"The provided subscription token"
                                + " is invalid.\"}}")));

        String message = failure(brave);
        assertEquals(
                "Brave Search rejected the API key (HTTP 422 SUBSCRIPTION_TOKEN_INVALID): " + KEY_REJECTED, message);
        assertKeyKeptSecret(message);
    }

    @Test
    void aParameterBraveRefusesIsTheModelsToFix() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(status(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"ErrorResponse\",\"error\":{\"status\":422,\"code\":\"VALIDATION\"}}")));

        assertEquals(
                "Brave Search refused the query (HTTP 422 VALIDATION): try a shorter, simpler query", failure(brave));
        BRAVE.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void rateLimitingSaysToRetryLaterWithoutRetrying() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(429).withHeader("X-RateLimit-Reset", "1, 86400")));

        assertEquals("Brave Search rate limit or quota reached (HTTP 429): retry later", failure(brave));
        BRAVE.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void persistentServerErrorsMeanTheProviderIsUnavailable() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));

        String message = failure(brave);
        assertEquals(
                "Search provider unavailable: Brave Search answered HTTP 500 (3 attempts); try again later", message);
        BRAVE.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
        assertKeyKeptSecret(message);
    }

    @Test
    void aSlowProviderTimesOut() {
        BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(ANSWER).withFixedDelay(1200)));

        try (BraveSearch impatient = provider(Duration.ofMillis(400))) {
            assertEquals(
                    "Search provider unavailable: Brave Search did not answer within 400 ms (3 attempts); try again"
                            + " later",
                    failure(impatient));
        }
        BRAVE.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
        assertKeyKeptSecret("");
    }

    @Test
    void malformedAnswersAreReportedAndNotRetried() {
        for (String body : List.of(
                "not json",
                "{}",
                "{\"type\":\"search\",\"web\":{\"results\":{\"oops\":1}}}",
                "{\"type\":\"ErrorResponse\"}")) {
            BRAVE.resetAll();
            BRAVE.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(body)));

            assertEquals(
                    "Search provider returned a malformed answer: Brave Search did not answer with its JSON search"
                            + " results; try again later",
                    failure(brave),
                    body);
            BRAVE.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        }
    }

    /** The key appears neither in what the model reads nor in anything the process logged during the test. */
    private void assertKeyKeptSecret(String message) {
        assertFalse(message.contains(KEY), "the answer shows the key");
        List<String> lines = log.lines();
        assertFalse(lines.isEmpty(), "the failure was logged");
        assertTrue(lines.stream().noneMatch(line -> line.contains(KEY)), "the log shows the key: " + lines);
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = BRAVE.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertEquals(1, requests.size(), "one request to Brave");
        return requests.get(0);
    }
}
