package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.http.ShownUrls;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The client side of MCP's Streamable HTTP transport for one upstream: one JSON-RPC message per POST, its answer read
 * from a JSON body or from the SSE stream the upstream opens for it. Only the configured URL is contacted (redirects
 * are not followed), only the configured headers are sent, and every answer is bounded in size and time. Blocking:
 * called on worker threads.
 */
final class StreamableHttpClient {

    static final String SESSION_ID = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

    /**
     * What came back for one message.
     *
     * @param message the JSON-RPC response, or null when the upstream accepted a notification (202)
     * @param sessionId the {@code Mcp-Session-Id} the upstream answered with, or null
     */
    record Answer(JsonNode message, String sessionId) {}

    /** The messages an SSE answer carries before the response: notifications and requests of the upstream. */
    interface Listener {
        /** The answer's body, once it is there: closing it ends the answer (2026-07-28 cancels so). */
        default void streaming(java.io.Closeable body) {}

        void notification(JsonNode message);

        void request(JsonNode message);
    }

    /** Ends answers that outlive their timeout; one daemon thread for every upstream. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final String name;
    private final UpstreamConfig.Upstream config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    StreamableHttpClient(String name, UpstreamConfig.Upstream config, ObjectMapper mapper) {
        this.name = name;
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
                .build();
    }

    /**
     * Sends one message and waits for its answer.
     *
     * @param listener hears what the upstream sends before the response; null to ignore it
     * @throws SessionLostException when the upstream answers 404 (or 400) to a request in a session
     * @throws UpstreamException when the upstream cannot be reached, refuses, answers too much or too late
     */
    Answer send(JsonNode message, String sessionId, String protocolVersion, Listener listener) {
        return send(message, sessionId, protocolVersion, Map.of(), listener);
    }

    /**
     * As {@link #send(JsonNode, String, String, Listener)}, with more headers ({@code Mcp-Param-*}). A 2026-07-28
     * request also gets the headers that revision mirrors from the body: {@code Mcp-Method}, {@code Mcp-Name}.
     */
    Answer send(
            JsonNode message,
            String sessionId,
            String protocolVersion,
            Map<String, String> headers,
            Listener listener) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(message)));
        config.headers().forEach(request::header);
        if (sessionId != null) {
            request.header(SESSION_ID, sessionId);
        }
        if (protocolVersion != null) {
            request.header(PROTOCOL_VERSION, protocolVersion);
        }
        if (StatelessUpstream.VERSION.equals(protocolVersion) && message.has("method")) {
            StatelessUpstream.mirroredHeaders(message).forEach(request::header);
        }
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new UpstreamUnreachable("Upstream '" + name + "' did not answer within "
                    + config.timeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            throw new UpstreamUnreachable("Upstream '" + name + "' cannot be reached at "
                    + ShownUrls.withoutSecrets(config.url()) + ": connection refused");
        } catch (IOException e) {
            throw new UpstreamUnreachable(
                    "Upstream '" + name + "' cannot be reached at " + ShownUrls.withoutSecrets(config.url()) + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("Interrupted while asking upstream '" + name + "'");
        }
        String answeredSession = response.headers().firstValue(SESSION_ID).orElse(null);
        InputStream stream = response.body();
        // The whole answer, an SSE stream included, must arrive within the timeout: closing the body ends a read. The
        // timer is cancelled (and dropped) once the answer is in, so none waits out the timeout holding the stream.
        ScheduledFuture<?> deadline =
                DEADLINES.schedule(() -> closeQuietly(stream), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream body = stream) {
            int status = response.statusCode();
            // The specification says 404; servers built on the TypeScript SDK's examples answer 400 to a session they
            // do not know. Either way one new session is opened and the request sent once more.
            if ((status == 404 || status == 400) && sessionId != null) {
                throw new SessionLostException(name);
            }
            if (status == 202) {
                return new Answer(null, answeredSession);
            }
            if (status < 200 || status > 299) {
                throw new UpstreamException(
                        "Upstream '" + name + "' answered HTTP " + status + ": " + excerpt(readBounded(body)));
            }
            if (listener != null) {
                listener.streaming(body);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode answer = type.startsWith("text/event-stream")
                    ? readEvents(new BufferedInputStream(body), message.path("id"), listener) // read byte by byte
                    : mapper.readTree(readBounded(body));
            return new Answer(answer, answeredSession);
        } catch (IOException e) {
            throw new UpstreamException("Upstream '" + name + "' broke off its answer (or took longer than "
                    + config.timeout() + "): " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    /** Ends a session ({@code DELETE}); best effort: an upstream that cannot be reached expires it itself. */
    void delete(String sessionId, String protocolVersion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header(SESSION_ID, sessionId)
                .header(PROTOCOL_VERSION, protocolVersion)
                .DELETE();
        config.headers().forEach(request::header);
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // gone already, or unreachable: it expires on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads SSE events until the response to {@code id}; the others go to {@code listener}. */
    private JsonNode readEvents(InputStream body, JsonNode id, Listener listener) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        StringBuilder data = new StringBuilder();
        long read = 0;
        int next;
        while ((next = body.read()) != -1) {
            if (++read > config.maxResponseBytes()) {
                throw tooLarge();
            }
            if (next != '\n') {
                line.write(next);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(text.substring(text.startsWith("data: ") ? 6 : 5));
            } else if (text.isEmpty() && !data.isEmpty()) {
                JsonNode event = mapper.readTree(data.toString());
                data.setLength(0);
                if (event.has("method")) {
                    if (listener == null) {
                        continue;
                    }
                    if (event.has("id")) {
                        listener.request(event);
                    } else {
                        listener.notification(event);
                    }
                } else if (event.path("id").asText().equals(id.asText())) { // 1 and 1L alike
                    return event;
                }
            }
        }
        throw new UpstreamException("Upstream '" + name + "' ended its stream without answering");
    }

    private byte[] readBounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(config.maxResponseBytes() + 1);
        if (bytes.length > config.maxResponseBytes()) {
            throw tooLarge();
        }
        return bytes;
    }

    private UpstreamException tooLarge() {
        return new UpstreamException("Upstream '" + name + "' answered more than " + config.maxResponseBytes()
                + " bytes (switchboard.upstreams." + name + ".max-response-bytes)");
    }

    private byte[] bytes(JsonNode message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "switchboard-upstream-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed or broken: the reader sees it
        }
    }
}
