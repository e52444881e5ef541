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

/** Deletes one memory from long-term memory. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("memory")
@ToolDefinition(
        name = "memory.forget",
        title = "Forget",
        description = "Deletes one memory for good, by the id memory.remember or memory.recall gave. Use it when the"
                + " user asks you to forget something, or when a memory is wrong or outdated (then remember the"
                + " corrected fact). Answers the deleted memory; an unknown id is an error.",
        destructive = true,
        idempotent = true,
        openWorld = false)
public class MemoryForgetTool implements McpTool<MemoryForgetTool.Args, Memory> {

    public record Args(
            @Description("The memory's id, e.g. \"q3XbN0c2Yt8kLmPa\"") @NotBlank @Size(max = 64)
            String id) {}

    private final Memories memories;
    private final MemoryScopes scopes;

    MemoryForgetTool(Memories memories, MemoryScopes scopes) {
        this.memories = memories;
        this.scopes = scopes;
    }

    @Override
    public Memory call(Args args, ToolContext context) {
        return memories.forget(scopes.of(context), args.id());
    }
}
