package dev.switchboard.transport;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.protocol.RequestChannel;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The answer to one 2026-07-28 request. Like the session era's exchange it is JSON unless something is sent before
 * the response, which opens an SSE stream; unlike it, the stream is neither logged nor resumable, so events go
 * straight to the connection. While the request runs, the connection is watched: a client that closes it cancels the
 * request, and a quiet stream gets keep-alive comments.
 */
final class StatelessExchange implements RequestChannel {

    /** How often the connection is checked for a client that went away. */
    private static final long WATCH_MILLIS = 250;

    private final HttpServerResponse response;
    private final SseEventSink sink;
    private final Sse sse;
    private final JsonCodec json;
    private final Context context;
    private final long keepAliveMillis;
    private final McpMetrics metrics;
    private final CompletableFuture<Void> decided = new CompletableFuture<>();
    private final List<Runnable> onGone = new ArrayList<>();
    private ExchangeState state = ExchangeState.UNDECIDED;
    private SseConnection stream;
    private long lastWrite;
    private long timer = -1;

    StatelessExchange(
            HttpServerResponse response,
            SseEventSink sink,
            Sse sse,
            JsonCodec json,
            Duration keepAlive,
            McpMetrics metrics) {
        this.metrics = metrics;
        this.response = response;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.keepAliveMillis = keepAlive.toMillis();
        this.context = Vertx.currentContext();
    }

    /** Completes when the HTTP response is decided: JSON written, or SSE stream opened. */
    Uni<Void> completion() {
        return Uni.createFrom().completionStage(decided);
    }

    /** Starts watching the connection while the request runs. */
    synchronized void watch() {
        if (state != ExchangeState.DONE && context != null) {
            timer = context.owner().setPeriodic(WATCH_MILLIS, WATCH_MILLIS, id -> tick());
        }
    }

    @Override
    public synchronized boolean send(JsonRpcMessage message) {
        if (state == ExchangeState.DONE) {
            return false;
        }
        if (state == ExchangeState.UNDECIDED) {
            openStream();
        }
        write(json.write(message));
        return true;
    }

    @Override
    public synchronized void onClientGone(Runnable action) {
        onGone.add(action);
    }

    synchronized void reply(McpReply reply) {
        if (reply instanceof McpReply.Respond respond) {
            if (state == ExchangeState.STREAMING) {
                write(json.write(respond.body()));
                end();
            } else if (state == ExchangeState.UNDECIDED) {
                writeJson(200, respond.body(), null, null);
            }
        } else if (state == ExchangeState.STREAMING) {
            end();
        } else if (state == ExchangeState.UNDECIDED) {
            writeJson(202, null, null, null);
        }
    }

    synchronized void fail(Throwable failure) {
        if (state == ExchangeState.DONE) {
            return;
        }
        HttpErrors.HttpError error = HttpErrors.of(failure);
        if (state == ExchangeState.STREAMING) {
            write(json.write(error.body()));
            end();
        } else {
            writeJson(error.status(), error.body(), error.retryAfter(), error.challenge());
        }
    }

    private synchronized void tick() {
        if (state == ExchangeState.DONE) {
            stopWatching();
        } else if (response.closed() || (state == ExchangeState.STREAMING && sink.isClosed())) {
            if (state == ExchangeState.STREAMING) {
                metrics.statelessStreamClosed();
            }
            state = ExchangeState.DONE;
            stopWatching();
            onGone.forEach(Runnable::run);
        } else if (state == ExchangeState.STREAMING && System.currentTimeMillis() - lastWrite >= keepAliveMillis) {
            stream.keepAlive();
            lastWrite = System.currentTimeMillis();
        }
    }

    private void openStream() {
        state = ExchangeState.STREAMING;
        metrics.statelessStreamOpened();
        response.putHeader("X-Accel-Buffering", "no");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        stream = new SseConnection(sink, sse, context);
        // Quarkus REST sends the SSE headers once this completes.
        decided.complete(null);
    }

    private void write(String data) {
        stream.sendData(data);
        lastWrite = System.currentTimeMillis();
    }

    private void end() {
        metrics.statelessStreamClosed();
        state = ExchangeState.DONE;
        stopWatching();
        stream.close();
    }

    private void writeJson(int status, Object body, String retryAfter, String challenge) {
        state = ExchangeState.DONE;
        stopWatching();
        JsonAnswer.write(response, new SseConnection(sink, sse, context), json, status, body, retryAfter, challenge);
        decided.complete(null);
    }

    private void stopWatching() {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
    }
}
