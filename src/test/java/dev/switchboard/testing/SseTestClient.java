package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads an SSE response while it is still open, so a test can answer a server-to-client request, cancel a call or
 * drop the connection mid-stream. Parses events as the SSE spec does: {@code id}, {@code retry}, {@code data}.
 */
public final class SseTestClient implements AutoCloseable {

    /** One parsed event. {@code data} is empty for a priming event. */
    public record Event(String id, String data, Long retry) {}

    private static final Event END = new Event(null, null, null);
    // HTTP/1.1, as MCP clients speak it (the JDK client would otherwise upgrade GETs to h2c).
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger comments = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseTestClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseTestClient post(int port, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", Mcp.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static SseTestClient get(int port, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private static SseTestClient send(HttpRequest request) {
        try {
            return new SseTestClient(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, failing the test when none comes within 10 s or the stream ended. */
    public Event next() {
        try {
            Event event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("No SSE event within 10 s");
            }
            if (event == END) {
                events.add(END);
                throw new AssertionError("The SSE stream ended");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event if one arrives within {@code wait}, else empty. */
    public java.util.Optional<Event> poll(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True once the server ended the stream and every event before the end was taken. */
    public boolean ended() {
        return events.peek() == END;
    }

    /** How many comment lines (keep-alives) arrived so far. */
    public int comments() {
        return comments.get();
    }

    /** Every remaining event until the server ends the stream. */
    public List<Event> rest() {
        List<Event> rest = new ArrayList<>();
        try {
            while (true) {
                Event event = events.poll(10, TimeUnit.SECONDS);
                if (event == null) {
                    throw new AssertionError("The SSE stream did not end within 10 s; got " + rest);
                }
                if (event == END) {
                    events.add(END);
                    return rest;
                }
                rest.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        Long retry = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null || id != null || retry != null) {
                        events.add(new Event(id, data == null ? "" : data.toString(), retry));
                    }
                    id = null;
                    retry = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("retry:")) {
                    retry = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                }
            }
        } catch (UncheckedIOException e) {
            // the connection was closed
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}
