package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Icon;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A tool as {@code tools/list} shows it (MCP {@code Tool}). Built once at start-up. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "title", "description", "inputSchema", "outputSchema", "icons", "annotations"})
public record ToolDescriptor(
        String name,
        String title,
        String description,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        List<Icon> icons,
        ToolAnnotations annotations) {}
