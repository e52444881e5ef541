package dev.switchboard.builtin.memory;

import dev.switchboard.api.Description;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.memory.Memory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The long-term memory tools: facts kept across sessions and conversations, per caller, found again by words (BM25).
 */
@ApplicationScoped
@RequiresScopes("memory")
public class LongTermMemory {

    private static final int DEFAULT_LIMIT = 5;

    /** The arguments of {@code memory.remember}: a record, because its tags carry constraints per element. */
    public record Fact(
            @Description("The fact to remember, one self-contained statement, e.g. \"The user's daughter is called"
                    + " Mia\". At most 2000 characters unless configured otherwise")
            @NotBlank
            String text,

            @Description("Up to 10 short labels that help find it later, e.g. [\"family\", \"names\"]; they are"
                    + " matched like words of the text and stored lower-case")
            @Size(max = 10)
            List<@NotBlank @Size(max = 50) String> tags) {}

    public record Remembered(
            @Description("The new memory's id; pass it to memory.forget to delete it")
            String id,

            @Description("What was remembered, trimmed") String text,
            @Description("Its tags, lower-case") List<String> tags,

            @Description("When it was remembered, ISO-8601 UTC")
            Instant storedAt,

            @Description("Ids of older memories forgotten to make room (the least recently used); usually empty")
            List<String> evicted) {}

    public record Recalled(
            @Description("The matching memories, best first")
            List<Found> memories,

            @Description("How many memories were searched (all kept ones)")
            int searched) {}

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

    LongTermMemory(Memories memories, MemoryScopes scopes) {
        this.memories = memories;
        this.scopes = scopes;
    }

    @Tool(
            name = "memory.remember",
            title = "Remember",
            description = "Saves a fact to long-term memory, kept across sessions and conversations until it is"
                    + " forgotten or goes unused for the retention period (90 days by default). Use it for durable"
                    + " facts worth knowing next time: the user's preferences, decisions, names, ongoing projects; not"
                    + " for what only matters in this conversation. Write one self-contained statement per memory,"
                    + " e.g. \"The user prefers window seats on flights\", and call memory.recall first to avoid saving"
                    + " a fact twice. When memory is full the least recently used memory is forgotten (listed in"
                    + " 'evicted').",
            destructive = false,
            idempotent = false,
            openWorld = false)
    public Remembered remember(Fact fact, ToolContext context) {
        Memories.Stored stored = memories.remember(scopes.of(context), fact.text(), fact.tags());
        Memory memory = stored.memory();
        return new Remembered(memory.id(), memory.text(), memory.tags(), memory.storedAt(), stored.evicted());
    }

    @Tool(
            name = "memory.recall",
            title = "Recall",
            description = "Searches long-term memory for facts saved earlier with memory.remember, in this or past"
                    + " sessions, best matches first. Call it when a task may depend on what you were told before"
                    + " (the user's preferences, names, earlier decisions), before asking the user again. Matching is"
                    + " by words (BM25: rarer shared words count more; tags count as words; plurals match their"
                    + " singular, other word forms do not, so \"flying\" does not match \"fly\"): query with a few"
                    + " words the memory would contain, e.g. \"flight seat preference\". Memories sharing no word with"
                    + " the query are not returned.",
            readOnly = true,
            idempotent = true,
            openWorld = false)
    public Recalled recall(
            @Description("Words to look for, e.g. \"flight seat preference\"") @NotBlank @Size(max = 500) String query,
            @Description("How many memories to return at most, 1-20; default 5") @Min(1) @Max(20) Integer limit,
            ToolContext context) {
        Memories.Recall recall = memories.recall(scopes.of(context), query, limit == null ? DEFAULT_LIMIT : limit);
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

    @Tool(
            name = "memory.forget",
            title = "Forget",
            description = "Deletes one memory for good, by the id memory.remember or memory.recall gave. Use it when"
                    + " the user asks you to forget something, or when a memory is wrong or outdated (then remember"
                    + " the corrected fact). Answers the deleted memory; an unknown id is an error.",
            destructive = true,
            idempotent = true,
            openWorld = false)
    public Memory forget(
            @Description("The memory's id, e.g. \"q3XbN0c2Yt8kLmPa\"") @NotBlank @Size(max = 64) String id,
            ToolContext context) {
        return memories.forget(scopes.of(context), id);
    }
}
