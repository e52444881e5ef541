package dev.switchboard.transport;

import dev.switchboard.concurrent.RoundTripLock;
import dev.switchboard.http.HttpError;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestChannel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.function.Function;

/**
 * The answer to one HTTP request on {@code /mcp}, in either era. It stays undecided while the request is served: the
 * first message sent before the response opens an SSE stream (Quarkus REST SSE), and the response then ends that
 * stream; otherwise the response goes out as plain JSON, so a request that emits nothing is answered with JSON. Where
 * a stream's events go is the {@link EventStream}'s business: logged and resumable in the session era, straight to the
 * connection in 2026-07-28.
 *
 * <p>One lock orders everything an exchange does. A session-era send holds it across a round trip to the event log,
 * so an event loop never waits for it ({@link RoundTripLock}): {@link #reply} and {@link #fail}, which event loops
 * call, hand over to a worker when it is taken.
 */
final class Exchange implements RequestChannel {

    /** How often a watched connection is checked for a client that went away. */
    private static final long WATCH_MILLIS = 250;

    private final HttpServerResponse response;
    private final SseEventSink sink;
    private final Sse sse;
    private final JsonCodec json;
    private final EventStream stream;
    private final Context context;
    private final CompletableFuture<Void> decided = new CompletableFuture<>();
    private final List<Runnable> onGone = new ArrayList<>();
    private final RoundTripLock lock = new RoundTripLock();
    private ExchangeState state = ExchangeState.UNDECIDED;
    private SseConnection connection;
    private long lastWrite;
    private long keepAliveMillis;
    private long timer = -1;

    Exchange(HttpServerResponse response, SseEventSink sink, Sse sse, JsonCodec json, EventStream stream) {
        this.response = response;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.stream = stream;
        this.context = Vertx.currentContext();
    }

    /** Completes when the HTTP response is decided: JSON written, or SSE stream opened. */
    Uni<Void> completion() {
        return Uni.createFrom().completionStage(decided);
    }

    @Override
    public void negotiated(ProtocolVersion version) {
        lock.locked(() -> stream.negotiated(version));
    }

    @Override
    public boolean send(JsonRpcMessage message) {
        return lock.locked(() -> {
            if (state == ExchangeState.DONE || !stream.enabled()) {
                return false;
            }
            if (state == ExchangeState.UNDECIDED) {
                openStream();
            }
            stream.send(json.write(message));
            lastWrite = System.currentTimeMillis();
            return true;
        });
    }

    @Override
    public boolean disconnect() {
        return lock.locked(() -> {
            if (state == ExchangeState.DONE || !stream.resumable()) {
                return false;
            }
            if (state == ExchangeState.UNDECIDED) {
                openStream();
            }
            stream.disconnect();
            return true;
        });
    }

    @Override
    public void onClientGone(Runnable action) {
        lock.locked(() -> onGone.add(action));
    }

    /**
     * Watches the connection while the request runs: a client that closes it runs the {@link #onClientGone} actions,
     * and a quiet stream gets a keep-alive comment every {@code keepAlive}.
     */
    void watch(Duration keepAlive) {
        lock.locked(() -> {
            if (state != ExchangeState.DONE && context != null) {
                keepAliveMillis = keepAlive.toMillis();
                timer = context.owner().setPeriodic(WATCH_MILLIS, WATCH_MILLIS, id -> tick());
            }
        });
    }

    /** Sends the protocol layer's reply: the final JSON-RPC response, or nothing. */
    void reply(McpReply reply) {
        lock.runWhenFree(() -> replyLocked(reply));
    }

    private void replyLocked(McpReply reply) {
        if (state == ExchangeState.DONE) {
            return; // the client went away
        }
        if (state == ExchangeState.STREAMING && mustLeaveEventLoop()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> reply(reply));
            return;
        }
        if (reply instanceof McpReply.Respond respond) {
            if (state == ExchangeState.STREAMING) {
                endStream(respond.body());
                return;
            }
            if (respond.sessionId() != null) {
                response.putHeader(McpHeaders.SESSION_ID, respond.sessionId());
            }
            writeJson(200, respond.body(), null, null);
        } else if (state == ExchangeState.STREAMING) {
            endStream(null); // nothing to answer (e.g. a cancelled call): the stream ends without a response
        } else {
            writeJson(202, null, null, null);
        }
    }

    void fail(Throwable failure) {
        lock.runWhenFree(() -> failLocked(failure));
    }

    private void failLocked(Throwable failure) {
        if (state == ExchangeState.DONE) {
            return; // already answered; a late failure has nowhere to go
        }
        if (state == ExchangeState.STREAMING && mustLeaveEventLoop()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> fail(failure));
            return;
        }
        HttpError error = HttpErrors.of(failure);
        if (state == ExchangeState.STREAMING) {
            endStream(error.body());
        } else {
            writeJson(error.status(), error.body(), error.retryAfter(), error.challenge());
        }
    }

    /**
     * Answers with a stream that {@code attach} connects (GET: the standalone stream, or a resumed one) instead of one
     * opened by the first message, and returns what {@code attach} returns. The response is decided first, so a
     * replay that ends the stream at once ends a response Quarkus REST has already taken over: its take-over is queued
     * on the request's context before the events and the close that {@code attach} queues there (SseConnection).
     */
    <T> T streamTo(Function<SseConnection, T> attach) {
        return lock.locked(() -> {
            state = ExchangeState.STREAMING;
            SseConnection opened = streamConnection();
            decided.complete(null);
            return attach.apply(opened);
        });
    }

    private void openStream() {
        state = ExchangeState.STREAMING;
        stream.open(streamConnection());
        // Quarkus REST sends the SSE headers and watches for the client going away once this completes.
        decided.complete(null);
    }

    private SseConnection streamConnection() {
        response.putHeader("X-Accel-Buffering", "no");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        connection = new SseConnection(sink, sse, context);
        return connection;
    }

    private boolean mustLeaveEventLoop() {
        return stream.endsOffTheEventLoop() && Context.isOnEventLoopThread();
    }

    private void endStream(Object body) {
        state = ExchangeState.DONE;
        stopWatching();
        if (body == null) {
            stream.end();
        } else {
            stream.finish(json.write(body));
        }
    }

    /** The watch's timer, on the event loop: when a send holds the lock, the next tick looks again. */
    private void tick() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (state == ExchangeState.DONE) {
                stopWatching();
            } else if (response.closed() || (state == ExchangeState.STREAMING && sink.isClosed())) {
                if (state == ExchangeState.STREAMING) {
                    stream.clientGone();
                }
                state = ExchangeState.DONE;
                stopWatching();
                onGone.forEach(Runnable::run);
            } else if (state == ExchangeState.STREAMING && System.currentTimeMillis() - lastWrite >= keepAliveMillis) {
                connection.keepAlive();
                lastWrite = System.currentTimeMillis();
            }
        } finally {
            lock.unlock();
        }
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
