package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** A pointer to a resource the client can read with {@code resources/read}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "uri", "name", "title", "description", "mimeType", "annotations"})
public record ResourceLink(
        String uri, String name, String title, String description, String mimeType, Annotations annotations)
        implements Content {

    public ResourceLink {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "resource_link";
    }
}
