package dev.switchboard.builtin.search;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code switchboard.search.*} as SmallRye would map them, for tests that build a provider themselves. */
record SearchSettings(
        Optional<String> provider,
        URI searxngUrl,
        URI braveUrl,
        String braveKey,
        Duration timeout,
        int retries,
        int maxResults)
        implements SearchConfig {

    /** The shipped defaults: 5 s timeout, 2 retries, at most 10 results. */
    static SearchSettings of(String provider, URI searxngUrl, String braveKey) {
        return new SearchSettings(
                Optional.ofNullable(provider), searxngUrl, null, braveKey, Duration.ofSeconds(5), 2, 10);
    }

    static SearchSettings searxng(String url, Duration timeout) {
        return new SearchSettings(Optional.of("searxng"), URI.create(url), null, null, timeout, 2, 10);
    }

    static SearchSettings brave(String url, String key, Duration timeout) {
        return new SearchSettings(Optional.of("brave"), null, URI.create(url), key, timeout, 2, 10);
    }

    SearchSettings withLimits(Duration timeout, int retries, int maxResults) {
        return new SearchSettings(provider, searxngUrl, braveUrl, braveKey, timeout, retries, maxResults);
    }

    @Override
    public Searxng searxng() {
        return () -> Optional.ofNullable(searxngUrl);
    }

    @Override
    public Brave brave() {
        return new Brave() {
            @Override
            public URI url() {
                return braveUrl == null ? URI.create("https://api.search.brave.com") : braveUrl;
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(braveKey);
            }
        };
    }
}
