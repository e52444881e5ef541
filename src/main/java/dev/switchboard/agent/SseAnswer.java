package dev.switchboard.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The response to one request, read from the SSE stream a server answers with, event by event as they arrive. The
 * reading stops at the response: a server may keep the stream open after it (the specification only says it SHOULD
 * close it), and the agent must not wait for an end that never comes. The events before it (progress, logging, the
 * server's own requests) are skipped: the agent declares no capability that would have them answered.
 */
final class SseAnswer {

    private final ObjectMapper mapper;

    SseAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads events until the response to {@code id}. How long it may take is the caller's {@link ReadDeadline}.
     *
     * @return the response (a JSON-RPC message with {@code result} or {@code error}), or null when the stream ended
     *     without it
     * @throws IOException when the stream breaks off, or the read is interrupted
     */
    JsonNode read(InputStream body, int id) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line, line.startsWith("data: ") ? 6 : 5, line.length());
            } else if (line.isEmpty() && !data.isEmpty()) {
                JsonNode message = mapper.readTree(data.toString());
                data.setLength(0);
                if (message.path("id").asInt(-1) == id && (message.has("result") || message.has("error"))) {
                    return message;
                }
            }
        }
        return null;
    }
}
