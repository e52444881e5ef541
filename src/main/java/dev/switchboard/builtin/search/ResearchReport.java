package dev.switchboard.builtin.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.Description;
import java.util.List;

/** The result of {@code research}: what each query found, and the pages merged across queries. */
public record ResearchReport(
        @Description("The topic researched") String topic,

        @Description("Each query as sent, with how many pages it found")
        List<QueryOutcome> queries,

        @Description("Every page found, best first: pages found by more queries first, then by their best rank")
        List<Source> sources) {

    public ResearchReport {
        queries = List.copyOf(queries);
        sources = List.copyOf(sources);
    }

    /** One query of the research. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryOutcome(
            @Description("The query as sent") String query,
            @Description("How many pages it found") int found,

            @Description("Why it found nothing, when the provider failed; absent otherwise")
            String error) {}

    /** One page, merged over the queries that found it. */
    public record Source(
            @Description("Title of the page, plain text") String title,
            @Description("Address of the page") String url,

            @Description("The snippet of its best-ranked hit")
            String snippet,

            @Description("The queries that found it") List<String> foundBy) {

        public Source {
            foundBy = List.copyOf(foundBy);
        }
    }
}
