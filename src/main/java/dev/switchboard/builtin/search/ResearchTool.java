package dev.switchboard.builtin.search;

import dev.switchboard.api.Description;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Research: several searches, one after another, merged into one list of sources. It takes as long as its searches
 * together, so a client that can take a task gets one at once, and follows the queries in the task's status message.
 */
@ApplicationScoped
public class ResearchTool {

    private final SearchProvider provider;
    private final int maxResults;

    ResearchTool(SearchProvider provider, @ConfigProperty(name = "switchboard.search.max-results") int maxResults) {
        this.provider = provider;
        this.maxResults = maxResults;
    }

    @Tool(
            name = "research",
            title = "Research a topic",
            description = "Runs several web searches on one topic and merges their results: each page once, pages"
                    + " found by more queries first. Use it to survey a topic from several angles; give 2-5 queries"
                    + " that differ, e.g. [\"MCP tasks extension\", \"MCP SEP-2663\"]. Slow (one search after"
                    + " another), so it runs as a task when the client supports tasks.",
            readOnly = true,
            taskSupport = TaskSupport.OPTIONAL)
    public ResearchReport research(
            @Description("What the research is about, in a few words") @NotBlank @Size(max = 200) String topic,
            @Description("The searches to run, 1-5, each as typed into a search engine") @NotEmpty @Size(max = 5)
                    List<@NotBlank @Size(max = 400) String> queries,
            @Description("Pages to read per query, 1-10; default 5") @Min(1) @Max(10) Integer perQuery,
            ToolContext context) {
        int limit = Math.min(perQuery == null ? SearchTool.DEFAULT_LIMIT : perQuery, maxResults);
        List<ResearchReport.QueryOutcome> outcomes = new ArrayList<>();
        Map<String, Merged> byUrl = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i).trim();
            context.progress(
                    i, (double) queries.size(), "Searching " + (i + 1) + " of " + queries.size() + ": " + query);
            if (context.isCancelled()) {
                throw new ToolException("The research was cancelled");
            }
            try {
                List<SearchHit> hits = provider.search(query, limit, true);
                for (int rank = 0; rank < hits.size(); rank++) {
                    SearchHit hit = hits.get(rank);
                    byUrl.computeIfAbsent(hit.url(), url -> new Merged(hit)).foundBy(query, rank);
                }
                outcomes.add(new ResearchReport.QueryOutcome(query, hits.size(), null));
            } catch (ToolException e) {
                // One failed query does not lose the others: the report says which one failed and why.
                outcomes.add(new ResearchReport.QueryOutcome(query, 0, e.getMessage()));
            }
        }
        if (outcomes.stream().allMatch(outcome -> outcome.error() != null)) {
            throw new ToolException(
                    "Every search failed; the first said: " + outcomes.get(0).error());
        }
        context.progress(queries.size(), (double) queries.size(), "Merging " + byUrl.size() + " pages");
        List<ResearchReport.Source> sources = byUrl.values().stream()
                .sorted(Comparator.comparingInt((Merged merged) -> -merged.queries.size())
                        .thenComparingInt(merged -> merged.bestRank))
                .map(Merged::source)
                .toList();
        return new ResearchReport(topic.trim(), outcomes, sources);
    }

    /** A page as the queries that found it see it. */
    private static final class Merged {
        private final SearchHit hit;
        private final List<String> queries = new ArrayList<>();
        private int bestRank = Integer.MAX_VALUE;

        Merged(SearchHit hit) {
            this.hit = hit;
        }

        void foundBy(String query, int rank) {
            if (!queries.contains(query)) {
                queries.add(query);
            }
            bestRank = Math.min(bestRank, rank);
        }

        ResearchReport.Source source() {
            return new ResearchReport.Source(hit.title(), hit.url(), hit.snippet(), queries);
        }
    }
}
