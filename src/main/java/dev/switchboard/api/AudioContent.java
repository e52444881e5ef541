package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Base64;
import java.util.Objects;

/** Audio, Base64-encoded, e.g. {@code audio/wav}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "data", "mimeType", "annotations"})
public record AudioContent(String data, String mimeType, Annotations annotations) implements Content {

    public AudioContent {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    public static AudioContent of(byte[] bytes, String mimeType) {
        return new AudioContent(Base64.getEncoder().encodeToString(bytes), mimeType, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return "audio";
    }
}
