package dev.switchboard.builtin.search;

import dev.switchboard.api.settings.HttpUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The search providers one can configure, and the start-up check of their settings. */
enum ProviderKind {
    /** No provider: the tool stays listed and answers how to configure one. */
    NONE,
    SEARXNG,
    BRAVE;

    static final String HOW_TO_CONFIGURE = "set switchboard.search.provider=searxng and"
            + " switchboard.search.searxng.url=<base URL of the instance>, or provider=brave and"
            + " SWITCHBOARD_SEARCH_BRAVE_API_KEY";

    /**
     * The provider the settings select.
     *
     * @throws IllegalStateException naming the setting to fix when the provider is unknown or lacks what it needs:
     *     an operator who named a provider wants it to work, so a half configuration stops start-up rather than
     *     failing every call later
     */
    static ProviderKind of(SearchConfig config) {
        checkLimits(config);
        String name = config.provider().map(String::trim).orElse("");
        if (name.isEmpty()) {
            return NONE;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "searxng":
                URI url = config.searxng()
                        .url()
                        .orElseThrow(() -> new IllegalStateException("switchboard.search.provider=searxng needs"
                                + " switchboard.search.searxng.url, the base URL of the instance: set"
                                + " SWITCHBOARD_SEARCH_SEARXNG_URL, e.g. http://searxng:8080"));
                checkHttpUrl("switchboard.search.searxng.url", url);
                return SEARXNG;
            case "brave":
                checkHttpUrl("switchboard.search.brave.url", config.brave().url());
                if (config.brave().apiKey().map(String::isBlank).orElse(true)) {
                    throw new IllegalStateException("switchboard.search.provider=brave needs an API key: set the"
                            + " environment variable SWITCHBOARD_SEARCH_BRAVE_API_KEY (or"
                            + " switchboard.search.brave.api-key), e.g. from a Kubernetes secret");
                }
                return BRAVE;
            default:
                throw new IllegalStateException("switchboard.search.provider='" + name + "' is not a search provider:"
                        + " use searxng or brave, or leave it unset to run without web search");
        }
    }

    private static void checkLimits(SearchConfig config) {
        if (config.maxResults() < 1 || config.maxResults() > 20) {
            throw new IllegalStateException("switchboard.search.max-results must be 1-20, not " + config.maxResults());
        }
        if (config.retries() < 0 || config.retries() > 5) {
            throw new IllegalStateException("switchboard.search.retries must be 0-5, not " + config.retries());
        }
        Duration timeout = config.timeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("switchboard.search.timeout must be positive, not " + timeout);
        }
    }

    private static void checkHttpUrl(String property, URI url) {
        if (!HttpUrl.isAbsoluteHttp(url)) {
            throw new IllegalStateException(
                    property + " must be an absolute http(s) URL, e.g. http://searxng:8080, not '" + url + "'");
        }
    }
}
