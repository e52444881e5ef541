package dev.switchboard.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The client's LLM answer.
 *
 * @param content the message content as sent ({@code {"type":"text","text":...}} and others)
 */
public record SamplingResult(String role, JsonNode content, String model, String stopReason) {

    /** The text of a text answer, or null for other content. */
    public String text() {
        return content != null && "text".equals(content.path("type").asText())
                ? content.path("text").asText()
                : null;
    }
}
