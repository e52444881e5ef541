package dev.switchboard.builtin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the {@code search} tool asks its provider: the trimmed query, the capped limit, safe search by default. That
 * invalid arguments never reach the provider is checked over MCP ({@code ConfiguredSearchTest}): the constraints are
 * enforced by the application's method validation.
 */
class SearchToolTest {

    /** The searches a provider was asked for. */
    private record Asked(String query, int limit, boolean safeSearch) {}

    private final List<Asked> asked = new ArrayList<>();

    private final SearchProvider provider = new SearchProvider() {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public List<SearchHit> search(String query, int limit, boolean safeSearch) {
            asked.add(new Asked(query, limit, safeSearch));
            return List.of(new SearchHit("A page", "https://example.org/a", "About a"));
        }
    };

    private final SearchTool tool = new SearchTool(provider, 10);

    @Test
    void theQueryIsTrimmedAndDefaultsApply() {
        SearchResults results = tool.search("  quarkus mcp ", null, null);
        assertEquals(List.of(new Asked("quarkus mcp", SearchTool.DEFAULT_LIMIT, true)), asked);
        assertEquals("stub", results.provider());
        assertEquals("quarkus mcp", results.query());
        assertEquals(List.of(new SearchHit("A page", "https://example.org/a", "About a")), results.results());
    }

    @Test
    void safeSearchOffAndTheLimitReachTheProvider() {
        tool.search("jazz", 2, false);
        assertEquals(List.of(new Asked("jazz", 2, false)), asked);
    }

    @Test
    void theServerCapsTheLimitAtMaxResults() {
        tool.search("jazz", 20, true);
        assertEquals(10, asked.get(0).limit(), "capped at switchboard.search.max-results");
    }
}
