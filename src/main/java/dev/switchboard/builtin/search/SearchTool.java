package dev.switchboard.builtin.search;

import dev.switchboard.api.Description;
import dev.switchboard.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Web search through the configured provider (SearXNG or Brave Search). */
@ApplicationScoped
public class SearchTool {

    static final int DEFAULT_LIMIT = 5;

    private final SearchProvider provider;
    private final int maxResults;

    SearchTool(SearchProvider provider, @ConfigProperty(name = "switchboard.search.max-results") int maxResults) {
        this.provider = provider;
        this.maxResults = maxResults;
    }

    @Tool(
            name = "search",
            title = "Web search",
            description = "Searches the web and returns the best matching pages, each with its title, URL and a short"
                    + " plain-text snippet. Use it for recent events, facts you are unsure of, or pages to cite. Write"
                    + " the query as for a search engine, a few key words, e.g. \"Quarkus 3.33 release notes\"; read"
                    + " the snippets and cite the URLs.",
            readOnly = true,
            openWorld = true)
    public SearchResults search(
            @Description("What to search for, as typed into a search engine, e.g. \"MCP streamable HTTP transport\"")
                    @NotBlank
                    @Size(max = 400)
                    String query,
            @Description("How many results to return, 1-20; default 5. The server may return fewer (its cap, or"
                            + " fewer matches)")
                    @Min(1)
                    @Max(20)
                    Integer limit,
            @Description("Filter out adult content; default true. false turns the filter off") Boolean safeSearch) {
        int count = Math.min(limit == null ? DEFAULT_LIMIT : limit, maxResults);
        String trimmed = query.trim();
        return new SearchResults(
                provider.name(), trimmed, provider.search(trimmed, count, safeSearch == null || safeSearch));
    }
}
