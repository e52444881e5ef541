package dev.switchboard.builtin.search;

import dev.switchboard.api.Description;
import java.util.List;

/** The result of {@code search}: the pages found, best first. */
public record SearchResults(
        @Description("Which provider answered: \"searxng\" or \"brave\"")
        String provider,

        @Description("The query as it was sent") String query,

        @Description("The pages found, best first; empty when nothing matched")
        List<SearchHit> results) {

    public SearchResults {
        results = List.copyOf(results);
    }
}
