package dev.switchboard.builtin.search;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Web search through the configured provider (SearXNG or Brave Search). */
@ApplicationScoped
@RegisterForReflection
@ToolDefinition(
        name = "search",
        title = "Web search",
        description = "Searches the web and returns the best matching pages, each with its title, URL and a short"
                + " plain-text snippet. Use it for recent events, facts you are unsure of, or pages to cite. Write the"
                + " query as for a search engine, a few key words, e.g. \"Quarkus 3.33 release notes\"; read the"
                + " snippets and cite the URLs.",
        readOnly = true,
        openWorld = true)
public class SearchTool implements McpTool<SearchTool.Args, SearchResults> {

    static final int DEFAULT_LIMIT = 5;

    public record Args(
            @Description("What to search for, as typed into a search engine, e.g. \"MCP streamable HTTP transport\"")
            @NotBlank
            @Size(max = 400)
            String query,

            @Description("How many results to return, 1-20; default 5. The server may return fewer (its cap, or"
                    + " fewer matches)")
            @Min(1)
            @Max(20)
            Integer limit,

            @Description("Filter out adult content; default true. false turns the filter off")
            Boolean safeSearch) {}

    private final SearchProvider provider;
    private final int maxResults;

    SearchTool(SearchProvider provider, SwitchboardConfig config) {
        this.provider = provider;
        this.maxResults = config.search().maxResults();
    }

    @Override
    public SearchResults call(Args args, ToolContext context) {
        int limit = Math.min(args.limit() == null ? DEFAULT_LIMIT : args.limit(), maxResults);
        boolean safeSearch = args.safeSearch() == null || args.safeSearch();
        String query = args.query().trim();
        return new SearchResults(provider.name(), query, provider.search(query, limit, safeSearch));
    }
}
