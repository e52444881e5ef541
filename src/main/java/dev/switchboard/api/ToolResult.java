package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a tool call as MCP sends it ({@code CallToolResult}).
 *
 * @param structuredContent what is written as a JSON object matching the tool's {@code outputSchema} (a record, a map,
 *     a {@code JsonNode}, or already written JSON as a Jackson {@code RawValue}), or null
 * @param isError true when the tool failed in a way the model should read
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"content", "structuredContent", "isError"})
public record ToolResult(
        List<Content> content,
        Object structuredContent,
        @JsonProperty("isError") boolean isError) {

    public ToolResult {
        content = List.copyOf(content);
    }

    /** A successful result of several content items. */
    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(new TextContent(text)), null, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(List.of(new TextContent(message)), null, true);
    }

    /** The text items of {@code content}, joined by new lines. */
    @JsonIgnore
    public String joinedText() {
        return content.stream()
                .filter(TextContent.class::isInstance)
                .map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }
}
