package dev.switchboard.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one fuzz case to the server and reads the answer within a deadline (the read runs on its own thread and
 * the stream is closed when time is up), so a hang is a finding rather than a stuck build. SSE answers are read event by event: a POST's stream up to its JSON-RPC response, a GET's stream
 * only up to its headers (a standalone stream stays open by design).
 */
final class FuzzClient implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** What the server answered: status, content type, and the body (an SSE stream's {@code data} payloads). */
    record Answer(
            int status,
            String contentType,
            String body,
            List<String> events,
            String sessionId,
            String wwwAuthenticate) {
        boolean eventStream() {
            return contentType != null && contentType.startsWith("text/event-stream");
        }
    }

    private HttpClient http = newHttpClient();
    private final ExecutorService reader = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final String base;
    private final URI mcp;

    FuzzClient(String baseUrl) {
        this.base = baseUrl;
        this.mcp = URI.create(baseUrl + "/mcp");
    }

    Answer send(FuzzRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(DEADLINE)
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(header -> builder.header(header.name(), header.value()));
        return send(request.method(), builder.build());
    }

    /** Opens the session's standalone stream and returns the id of its priming event (2025-11-25). */
    String primingEventId(Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(mcp).timeout(DEADLINE).GET();
        headers.forEach(request::header);
        HttpResponse<java.util.stream.Stream<String>> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.filter(line -> line.startsWith("id:"))
                    .map(line -> line.substring(3).trim())
                    .findFirst()
                    .orElseThrow(() -> new IOException("no priming event"));
        }
    }

    private Answer send(String method, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 431 || response.statusCode() == 414) {
            // Vert.x answers these refusals of the request head as HTTP/1.0 and closes the connection without saying
            // "Connection: close"; java.net.http would send the next request on it and read no answer.
            http = newHttpClient();
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        InputStream in = response.body();
        Future<Answer> reading = reader.submit(() -> {
            if (contentType != null && contentType.startsWith("text/event-stream")) {
                List<String> events = "GET".equals(method) ? List.of() : readEvents(in);
                return new Answer(
                        response.statusCode(), contentType, String.join("\n", events), events, sessionId, challenge);
            }
            return new Answer(
                    response.statusCode(),
                    contentType,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    List.of(),
                    sessionId,
                    challenge);
        });
        try {
            return reading.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new IOException("No complete answer within " + DEADLINE.toSeconds() + " s (status "
                    + response.statusCode() + ", " + contentType + ")");
        } catch (ExecutionException e) {
            throw new IOException("Reading the answer failed (status " + response.statusCode() + ")", e.getCause());
        } finally {
            closeQuietly(in);
        }
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The {@code data} of each SSE event up to the first JSON-RPC response (it ends a request's stream). */
    private static List<String> readEvents(InputStream in) throws IOException {
        List<String> events = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(data.toString());
                    if (JsonRpcShape.isResponse(data.toString())) {
                        return events;
                    }
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
        if (!data.isEmpty()) {
            events.add(data.toString());
        }
        return events;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the reader sees the failure
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
