package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Base64;
import java.util.Objects;

/**
 * The contents of a resource: text or a Base64 blob, never both.
 *
 * @param text the text, or null for binary contents
 * @param blob Base64 of the bytes, or null for text contents
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uri", "mimeType", "text", "blob", "annotations"})
public record ResourceContents(String uri, String mimeType, String text, String blob, Annotations annotations) {

    public ResourceContents {
        Objects.requireNonNull(uri, "uri");
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("Resource contents carry exactly one of text and blob");
        }
    }

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null, null);
    }

    public static ResourceContents blob(String uri, String mimeType, byte[] bytes) {
        return new ResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes), null);
    }
}
