package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Base64;
import java.util.Objects;

/**
 * The contents of a resource: text or a Base64 blob, never both.
 *
 * @param text the text, or null for binary contents
 * @param blob Base64 of the bytes, or null for text contents
 * @param meta the contents' {@code _meta} (e.g. an MCP Apps view's {@code ui} settings), or null for none
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"uri", "mimeType", "text", "blob", "annotations", "_meta"})
public record ResourceContents(
        String uri,
        String mimeType,
        String text,
        String blob,
        Annotations annotations,
        @JsonProperty("_meta") ObjectNode meta) {

    public ResourceContents {
        Objects.requireNonNull(uri, "uri");
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("Resource contents carry exactly one of text and blob");
        }
    }

    public ResourceContents(String uri, String mimeType, String text, String blob, Annotations annotations) {
        this(uri, mimeType, text, blob, annotations, null);
    }

    /** These contents with {@code _meta}. */
    public ResourceContents withMeta(ObjectNode meta) {
        return new ResourceContents(uri, mimeType, text, blob, annotations, meta);
    }

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null, null);
    }

    public static ResourceContents blob(String uri, String mimeType, byte[] bytes) {
        return new ResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes), null);
    }
}
