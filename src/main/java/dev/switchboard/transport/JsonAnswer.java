package dev.switchboard.transport;

import dev.switchboard.json.JsonCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Writes a complete JSON answer on a {@code /mcp} exchange. */
final class JsonAnswer {

    private JsonAnswer() {}

    /**
     * Writes the head and body (an empty body when {@code body} is null). The endpoint methods declare an SSE sink,
     * so Quarkus REST finishes every exchange as a stream: the head and body are written here, and the sink, closed
     * after Quarkus REST has taken over the response, ends it.
     */
    static void write(
            HttpServerResponse response,
            SseConnection connection,
            JsonCodec json,
            int status,
            Object body,
            String retryAfter,
            String challenge) {
        Buffer bytes = body == null ? Buffer.buffer() : json.writeBuffer(body);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length()));
        if (body != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (challenge != null) {
            response.putHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.write(bytes);
        connection.close();
    }
}
