package dev.switchboard.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** Plain text content. */
@RegisterForReflection
@JsonPropertyOrder({"type", "text"})
public record TextContent(String text) implements Content {

    public TextContent {
        Objects.requireNonNull(text, "text");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "text";
    }
}
