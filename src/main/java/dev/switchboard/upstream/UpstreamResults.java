package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.api.AudioContent;
import dev.switchboard.api.Content;
import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.ImageContent;
import dev.switchboard.api.ResourceLink;
import dev.switchboard.api.TextContent;
import dev.switchboard.api.ToolResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An upstream's {@code CallToolResult} as ours: its content items, structured content and error flag kept. */
final class UpstreamResults {

    private final ObjectMapper mapper;

    UpstreamResults(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The {@code result} of an upstream's JSON-RPC response.
     *
     * @throws UpstreamRefusal for a JSON-RPC error
     * @throws UpstreamException when there is no response or no result object
     */
    static JsonNode result(String upstream, JsonNode response, String what) {
        if (response == null) {
            throw new UpstreamException("Upstream '" + upstream + "' answered " + what + " with no response");
        }
        JsonNode error = response.get("error");
        if (error != null) {
            throw new UpstreamRefusal(
                    error.path("code").asInt(),
                    "Upstream '" + upstream + "' refused " + what + ": "
                            + error.path("message")
                                    .asText("error " + error.path("code").asText()));
        }
        JsonNode result = response.get("result");
        if (result == null || !result.isObject()) {
            throw new UpstreamException("Upstream '" + upstream + "' answered " + what + " without a result");
        }
        return result;
    }

    ToolResult of(String upstream, JsonNode result) {
        List<Content> content = new ArrayList<>();
        for (JsonNode item : result.path("content")) {
            content.add(content(upstream, item));
        }
        JsonNode structured = result.get("structuredContent");
        return new ToolResult(
                content,
                structured == null || structured.isNull() ? null : structured,
                result.path("isError").asBoolean(false));
    }

    /** One content item of the upstream; one this server has no type for becomes text that shows it. */
    Content content(String upstream, JsonNode item) {
        Class<? extends Content> type = switch (item.path("type").asText()) {
            case "text" -> TextContent.class;
            case "image" -> ImageContent.class;
            case "audio" -> AudioContent.class;
            case "resource" -> EmbeddedResource.class;
            case "resource_link" -> ResourceLink.class;
            default -> null;
        };
        if (type != null) {
            try {
                return reader(type).readValue(item);
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                // malformed: shown as text below, so the model still reads what came back
            }
        }
        return new TextContent(
                "[content of upstream '" + upstream + "' that this server cannot pass on: " + item + "]", null);
    }

    private ObjectReader reader(Class<? extends Content> type) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
