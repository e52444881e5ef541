package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Icon;
import dev.switchboard.api.TaskSupport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A tool as {@code tools/list} shows it (MCP {@code Tool}). Built once at start-up. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "title", "description", "inputSchema", "outputSchema", "icons", "annotations", "execution"})
public record ToolDescriptor(
        String name,
        String title,
        String description,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        List<Icon> icons,
        ToolAnnotations annotations,
        Execution execution) {

    /** How the tool may run ({@code execution.taskSupport}, 2025-11-25); absent for a tool that never runs as a task. */
    @RegisterForReflection
    public record Execution(String taskSupport) {}

    /** This descriptor as revisions without {@code execution} show it. */
    public ToolDescriptor withoutExecution() {
        return execution == null
                ? this
                : new ToolDescriptor(name, title, description, inputSchema, outputSchema, icons, annotations, null);
    }

    /** Whether a call may run as a task. */
    public TaskSupport taskSupport() {
        return execution == null
                ? TaskSupport.FORBIDDEN
                : TaskSupport.valueOf(execution.taskSupport().toUpperCase());
    }
}
