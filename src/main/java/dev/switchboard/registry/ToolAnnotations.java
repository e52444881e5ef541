package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** MCP tool annotations: hints about a tool's behaviour, never guarantees. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolAnnotations(
        String title, boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {}
