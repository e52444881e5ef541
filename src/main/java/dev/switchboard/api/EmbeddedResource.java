package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** A resource's contents carried inline. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "resource", "annotations"})
public record EmbeddedResource(ResourceContents resource, Annotations annotations) implements Content {

    public EmbeddedResource {
        Objects.requireNonNull(resource, "resource");
    }

    public EmbeddedResource(ResourceContents resource) {
        this(resource, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "resource";
    }
}
