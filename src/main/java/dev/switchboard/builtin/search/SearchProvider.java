package dev.switchboard.builtin.search;

import java.util.List;

/** Where {@code search} gets its results. One is chosen at start-up from {@code switchboard.search.provider}. */
public interface SearchProvider extends AutoCloseable {

    /** The provider's configuration name, e.g. {@code brave}, reported with each result. */
    String name();

    /**
     * Searches the web. Runs on a worker thread and may block.
     *
     * @param limit the most results wanted, already within the configured cap
     * @param safeSearch whether to filter adult content
     * @return at most {@code limit} hits, best first, with plain-text titles and snippets
     * @throws dev.switchboard.api.ToolException when the provider is not configured, refuses, fails or answers
     *     something unreadable, with a message the model can act on
     */
    List<SearchHit> search(String query, int limit, boolean safeSearch);

    /** Releases the provider's HTTP client. */
    @Override
    default void close() {}
}
