package dev.switchboard.builtin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check of {@code switchboard.search.*}: which provider, and a clear message for each mistake. */
class ProviderKindTest {

    private static final URI SEARXNG = URI.create("http://searxng:8080");

    @Test
    void noProviderIsAllowed() {
        assertEquals(ProviderKind.NONE, ProviderKind.of(config(null, null, null)));
        assertEquals(ProviderKind.NONE, ProviderKind.of(config("  ", null, null)));
    }

    @Test
    void providersAreNamedWithoutRegardToCaseOrSpaces() {
        assertEquals(ProviderKind.SEARXNG, ProviderKind.of(config(" SearXNG ", SEARXNG, null)));
        assertEquals(ProviderKind.BRAVE, ProviderKind.of(config("brave", null, "k")));
    }

    @Test
    void anUnknownProviderStopsStartUp() {
        assertEquals(
                "switchboard.search.provider='bing' is not a search provider: use searxng or brave, or leave it unset"
                        + " to run without web search",
                failure(config("bing", null, null)));
    }

    @Test
    void searxngNeedsAnAbsoluteHttpUrl() {
        assertEquals(
                "switchboard.search.provider=searxng needs switchboard.search.searxng.url, the base URL of the"
                        + " instance: set SWITCHBOARD_SEARCH_SEARXNG_URL, e.g. http://searxng:8080",
                failure(config("searxng", null, null)));
        assertEquals(
                "switchboard.search.searxng.url must be an absolute http(s) URL, e.g. http://searxng:8080, not"
                        + " 'searxng:8080'",
                failure(config("searxng", URI.create("searxng:8080"), null)));
        assertEquals(
                "switchboard.search.searxng.url must be an absolute http(s) URL, e.g. http://searxng:8080, not"
                        + " '/searxng'",
                failure(config("searxng", URI.create("/searxng"), null)));
    }

    @Test
    void braveNeedsAKey() {
        String expected = "switchboard.search.provider=brave needs an API key: set the environment variable"
                + " SWITCHBOARD_SEARCH_BRAVE_API_KEY (or switchboard.search.brave.api-key), e.g. from a Kubernetes"
                + " secret";
        assertEquals(expected, failure(config("brave", null, null)));
        assertEquals(expected, failure(config("brave", null, " ")));
    }

    @Test
    void limitsAreChecked() {
        SearchSettings base = config(null, null, null);
        assertEquals(
                "switchboard.search.max-results must be 1-20, not 21",
                failure(base.withLimits(base.timeout(), base.retries(), 21)));
        assertEquals(
                "switchboard.search.max-results must be 1-20, not 0",
                failure(base.withLimits(base.timeout(), base.retries(), 0)));
        assertEquals("switchboard.search.retries must be 0-5, not 6", failure(base.withLimits(base.timeout(), 6, 10)));
        assertEquals(
                "switchboard.search.timeout must be positive, not PT0S",
                failure(base.withLimits(Duration.ZERO, 2, 10)));
    }

    private static String failure(SearchConfig config) {
        return assertThrows(IllegalStateException.class, () -> ProviderKind.of(config))
                .getMessage();
    }

    private static SearchSettings config(String provider, URI searxngUrl, String braveKey) {
        return SearchSettings.of(provider, searxngUrl, braveKey);
    }
}
