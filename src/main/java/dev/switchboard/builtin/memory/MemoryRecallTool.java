package dev.switchboard.builtin.memory;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Searches long-term memory, best matches first. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("memory")
@ToolDefinition(
        name = "memory.recall",
        title = "Recall",
        description = "Searches long-term memory for facts saved earlier with memory.remember, in this or past"
                + " sessions, best matches first. Call it when a task may depend on what you were told before (the"
                + " user's preferences, names, earlier decisions), before asking the user again. Matching is by words"
                + " (BM25: rarer shared words count more; tags count as words; plurals match their singular, other"
                + " word forms do not, so \"flying\" does not match \"fly\"): query with a few words the memory"
                + " would contain, e.g. \"flight seat preference\". Memories sharing no word with the query are not"
                + " returned.",
        readOnly = true,
        idempotent = true,
        openWorld = false)
public class MemoryRecallTool implements McpTool<MemoryRecallTool.Args, MemoryRecallTool.Recalled> {

    private static final int DEFAULT_LIMIT = 5;

    public record Args(
            @Description("Words to look for, e.g. \"flight seat preference\"") @NotBlank @Size(max = 500)
            String query,

            @Description("How many memories to return at most, 1-20; default 5") @Min(1) @Max(20)
            Integer limit) {}

    @RegisterForReflection
    public record Recalled(
            @Description("The matching memories, best first")
            List<Found> memories,

            @Description("How many memories were searched (all kept ones)")
            int searched) {}

    @RegisterForReflection
    public record Found(
            @Description("The memory's id; pass it to memory.forget to delete it")
            String id,

            @Description("What was remembered") String text,
            @Description("Its tags, lower-case") List<String> tags,

            @Description("When it was remembered, ISO-8601 UTC")
            Instant storedAt,

            @Description("Relevance (BM25), higher is better; only comparable within one answer")
            double score,

            @Description("The query words this memory contains")
            List<String> matched) {}

    private final Memories memories;
    private final MemoryScopes scopes;

    MemoryRecallTool(Memories memories, MemoryScopes scopes) {
        this.memories = memories;
        this.scopes = scopes;
    }

    @Override
    public Recalled call(Args args, ToolContext context) {
        int limit = args.limit() == null ? DEFAULT_LIMIT : args.limit();
        Memories.Recall recall = memories.recall(scopes.of(context), args.query(), limit);
        List<Found> found = recall.matches().stream()
                .map(match -> new Found(
                        match.memory().id(),
                        match.memory().text(),
                        match.memory().tags(),
                        match.memory().storedAt(),
                        Math.round(match.score() * 1000) / 1000.0,
                        match.matchedWords()))
                .toList();
        return new Recalled(found, recall.searched());
    }
}
