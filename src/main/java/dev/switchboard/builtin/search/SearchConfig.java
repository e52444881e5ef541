package dev.switchboard.builtin.search;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the {@code search} tool, under {@code switchboard.search}. {@link ProviderKind#of(SearchConfig)} checks
 * them when the configuration loads ({@link #check}), so a provider named without what it needs stops
 * the service with a message saying what is missing.
 */
@ConfigMapping(prefix = "switchboard.search")
public interface SearchConfig extends CheckedSettings {

    /** Which provider answers searches: {@code searxng} or {@code brave}; unset, the tool says how to configure one. */
    Optional<String> provider();

    /** A SearXNG instance (used when {@code provider=searxng}). */
    Searxng searxng();

    /** The Brave Search API (used when {@code provider=brave}). */
    Brave brave();

    /** Connect and read timeout of each request to the provider. */
    @WithDefault("5s")
    Duration timeout();

    /** How many times a request is repeated after a timeout, a network failure or a 5xx answer (0-5). */
    @WithDefault("2")
    int retries();

    /** The most results one call returns (1-20), whatever {@code limit} the model asks for. */
    @WithDefault("10")
    int maxResults();

    interface Searxng {
        /**
         * Base URL of the instance, e.g. {@code http://searxng:8080}. Its {@code settings.yml} must list {@code json}
         * under {@code search.formats}.
         */
        Optional<URI> url();
    }

    interface Brave {
        /** Base URL of the Brave Search API. */
        @WithDefault("https://api.search.brave.com")
        URI url();

        /**
         * The subscription token, sent as {@code X-Subscription-Token}. Set it from a secret through the environment
         * variable {@code SWITCHBOARD_SEARCH_BRAVE_API_KEY}; it is never logged.
         */
        Optional<String> apiKey();
    }

    /** A named provider must have what it needs: an operator who named one wants it to work. */
    @Override
    default void check(SettingsProblems problems) {
        try {
            ProviderKind.of(this);
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
    }
}
