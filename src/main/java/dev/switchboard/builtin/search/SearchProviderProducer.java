package dev.switchboard.builtin.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the {@link SearchProvider} that {@code switchboard.search.provider} names, at start-up, so a provider named
 * without what it needs stops the service at once. Without a provider the tool stays listed, answers how to configure
 * one, and the log says so once.
 */
@Singleton
class SearchProviderProducer {

    private static final Logger LOG = Logger.getLogger(SearchProviderProducer.class);

    @Produces
    @Singleton
    @Startup
    SearchProvider searchProvider(
            SearchConfig search,
            @ConfigProperty(name = "switchboard.tools.timeout") Duration toolTimeout,
            ObjectMapper mapper) {
        ProviderKind kind = ProviderKind.of(search);
        Duration worstCase = search.timeout().multipliedBy(search.retries() + 1L);
        if (kind != ProviderKind.NONE && worstCase.compareTo(toolTimeout) >= 0) {
            // the tool would be cancelled before its last attempt could fail with a readable reason
            LOG.warnf(
                    "switchboard.search.timeout (%s) times %d attempts reaches switchboard.tools.timeout (%s): a"
                            + " slow provider ends in a cancelled call rather than a clear error",
                    search.timeout(), search.retries() + 1, toolTimeout);
        }
        switch (kind) {
            case SEARXNG:
                LOG.infof(
                        "Web search uses SearXNG at %s",
                        origin(search.searxng().url().orElseThrow()));
                return new SearxngSearch(search, mapper);
            case BRAVE:
                LOG.infof(
                        "Web search uses the Brave Search API at %s",
                        origin(search.brave().url()));
                return new BraveSearch(search, mapper);
            default:
                LOG.warn("Web search is not configured: the search tool answers every call with an error until you "
                        + ProviderKind.HOW_TO_CONFIGURE);
                return new UnconfiguredSearch();
        }
    }

    void close(@Disposes SearchProvider provider) {
        provider.close();
    }

    /** Scheme, host and port only: a URL may carry credentials in its user info. */
    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
