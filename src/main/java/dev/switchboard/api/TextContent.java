package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** Plain text content. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "text", "annotations"})
public record TextContent(String text, Annotations annotations) implements Content {

    public TextContent {
        Objects.requireNonNull(text, "text");
    }

    public TextContent(String text) {
        this(text, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "text";
    }
}
