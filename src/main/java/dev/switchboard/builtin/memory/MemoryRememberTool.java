package dev.switchboard.builtin.memory;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Saves a fact to long-term memory, kept across sessions. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("memory")
@ToolDefinition(
        name = "memory.remember",
        title = "Remember",
        description = "Saves a fact to long-term memory, kept across sessions and conversations until it is forgotten"
                + " or goes unused for the retention period (90 days by default). Use it for durable facts worth"
                + " knowing next time: the user's preferences, decisions, names, ongoing projects; not for what only"
                + " matters in this conversation. Write one self-contained statement per memory, e.g. \"The user"
                + " prefers window seats on flights\", and call memory.recall first to avoid saving a fact twice."
                + " When memory is full the least recently used memory is forgotten (listed in 'evicted').",
        destructive = false,
        idempotent = false,
        openWorld = false)
public class MemoryRememberTool implements McpTool<MemoryRememberTool.Args, MemoryRememberTool.Remembered> {

    public record Args(
            @Description("The fact to remember, one self-contained statement, e.g. \"The user's daughter is called"
                    + " Mia\". At most 2000 characters unless configured otherwise")
            @NotBlank
            String text,

            @Description("Up to 10 short labels that help find it later, e.g. [\"family\", \"names\"]; they are"
                    + " matched like words of the text and stored lower-case")
            @Size(max = 10)
            List<@NotBlank @Size(max = 50) String> tags) {}

    @RegisterForReflection
    public record Remembered(
            @Description("The new memory's id; pass it to memory.forget to delete it")
            String id,

            @Description("What was remembered, trimmed") String text,
            @Description("Its tags, lower-case") List<String> tags,

            @Description("When it was remembered, ISO-8601 UTC")
            Instant storedAt,

            @Description("Ids of older memories forgotten to make room (the least recently used); usually empty")
            List<String> evicted) {}

    private final Memories memories;
    private final MemoryScopes scopes;

    MemoryRememberTool(Memories memories, MemoryScopes scopes) {
        this.memories = memories;
        this.scopes = scopes;
    }

    @Override
    public Remembered call(Args args, ToolContext context) {
        Memories.Stored stored = memories.remember(scopes.of(context), args.text(), args.tags());
        Memory memory = stored.memory();
        return new Remembered(memory.id(), memory.text(), memory.tags(), memory.storedAt(), stored.evicted());
    }
}
