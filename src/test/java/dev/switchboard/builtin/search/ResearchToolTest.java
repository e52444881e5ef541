package dev.switchboard.builtin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ToolException;
import dev.switchboard.testing.QuietToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** research: one search per query, pages merged, a failed query reported beside the others. */
class ResearchToolTest {

    private final List<String> asked = new ArrayList<>();

    private SearchProvider provider(Map<String, List<SearchHit>> answers) {
        return new SearchProvider() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<SearchHit> search(String query, int limit, boolean safeSearch) {
                asked.add(query + " " + limit);
                List<SearchHit> hits = answers.get(query);
                if (hits == null) {
                    throw new ToolException("the provider refused '" + query + "'");
                }
                return hits;
            }
        };
    }

    private static SearchHit hit(String url) {
        return new SearchHit("Title of " + url, url, "snippet of " + url);
    }

    @Test
    void pagesFoundByMoreQueriesComeFirstThenByTheirBestRank() {
        ResearchTool tool = new ResearchTool(
                provider(Map.of(
                        "a", List.of(hit("https://one"), hit("https://shared")),
                        "b", List.of(hit("https://shared"), hit("https://two")))),
                3);
        ResearchReport report = tool.research(" topic ", List.of("a", " b "), 10, new QuietToolContext("research"));
        assertEquals(List.of("a 3", "b 3"), asked, "one search per query, capped at the server's maximum");
        assertEquals("topic", report.topic());
        assertEquals(
                List.of("https://shared", "https://one", "https://two"),
                report.sources().stream().map(ResearchReport.Source::url).toList());
        assertEquals(List.of("a", "b"), report.sources().get(0).foundBy());
        assertEquals(2, report.queries().get(1).found());
    }

    @Test
    void aFailedQueryIsReportedAndTheOthersKept() {
        ResearchTool tool = new ResearchTool(provider(Map.of("ok", List.of(hit("https://one")))), 5);
        ResearchReport report = tool.research("t", List.of("ok", "broken"), null, new QuietToolContext("research"));
        assertEquals(List.of("ok 5", "broken 5"), asked);
        assertEquals("the provider refused 'broken'", report.queries().get(1).error());
        assertEquals(1, report.sources().size());
    }

    @Test
    void whenEveryQueryFailsTheToolFails() {
        ResearchTool tool = new ResearchTool(provider(Map.of()), 5);
        ToolException failure = assertThrows(
                ToolException.class, () -> tool.research("t", List.of("x"), null, new QuietToolContext("research")));
        assertTrue(failure.getMessage().startsWith("Every search failed"), failure.getMessage());
    }
}
