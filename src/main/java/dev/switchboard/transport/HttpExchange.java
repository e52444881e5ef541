package dev.switchboard.transport;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.protocol.ProtocolVersion;
import dev.switchboard.protocol.RequestChannel;
import dev.switchboard.stream.EventIds;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The answer to one HTTP request on {@code /mcp}. It stays undecided while the request is served: the first message
 * sent before the response opens an SSE stream (Quarkus REST SSE), and the response then ends that stream;
 * otherwise the response goes out as plain JSON. So a request that emits nothing is answered with JSON.
 */
final class HttpExchange implements RequestChannel {

    private final HttpServerResponse response;
    private final SseEventSink sink;
    private final Sse sse;
    private final StreamHub hub;
    private final JsonCodec json;
    private final String sessionId;
    private final Duration retry;
    private final Context context;
    private Duration primingRetry;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ExchangeState state = ExchangeState.UNDECIDED;
    private String streamId;

    /**
     * @param retry the {@code retry:} of the priming event that starts a 2025-11-25 stream
     */
    HttpExchange(
            HttpServerResponse response,
            SseEventSink sink,
            Sse sse,
            StreamHub hub,
            JsonCodec json,
            String sessionId,
            Duration retry) {
        this.response = response;
        this.sink = sink;
        this.sse = sse;
        this.hub = hub;
        this.json = json;
        this.sessionId = sessionId;
        this.retry = retry;
        this.context = Vertx.currentContext();
    }

    /** Completes when the HTTP response is decided: JSON written, or SSE stream opened. */
    Uni<Void> completion() {
        return Uni.createFrom().completionStage(done);
    }

    /** Clients from 2025-11-25 on can resume streams: their streams start with a priming event. */
    @Override
    public synchronized void negotiated(ProtocolVersion version) {
        primingRetry = version == ProtocolVersion.V2025_11_25 ? retry : null;
    }

    @Override
    public synchronized boolean disconnect() {
        if (state == ExchangeState.DONE || sessionId == null || primingRetry == null) {
            return false;
        }
        if (state == ExchangeState.UNDECIDED) {
            openStream();
        }
        hub.disconnect(sessionId, streamId);
        return true;
    }

    @Override
    public synchronized boolean send(JsonRpcMessage message) {
        if (state == ExchangeState.DONE || sessionId == null) {
            return false;
        }
        if (state == ExchangeState.UNDECIDED) {
            openStream();
        }
        hub.publish(sessionId, streamId, json.write(message));
        return true;
    }

    /** Sends the protocol layer's reply: the final JSON-RPC response, or nothing. */
    synchronized void reply(McpReply reply) {
        if (state == ExchangeState.STREAMING && Context.isOnEventLoopThread()) {
            // Ending a stream writes to the event log, which may wait on Redis: never on the event loop.
            Infrastructure.getDefaultWorkerPool().execute(() -> reply(reply));
            return;
        }
        if (reply instanceof McpReply.Respond respond) {
            if (state == ExchangeState.STREAMING) {
                state = ExchangeState.DONE;
                hub.finish(sessionId, streamId, json.write(respond.body()));
                return;
            }
            if (respond.sessionId() != null) {
                response.putHeader(McpHeaders.SESSION_ID, respond.sessionId());
            }
            writeJson(200, respond.body(), null, null);
        } else if (state == ExchangeState.STREAMING) {
            // Nothing to answer (e.g. a cancelled call): the stream ends without a response.
            state = ExchangeState.DONE;
            hub.abandon(sessionId, streamId);
        } else {
            writeJson(202, null, null, null);
        }
    }

    synchronized void fail(Throwable failure) {
        if (state == ExchangeState.DONE) {
            return; // already answered; a late failure has nowhere to go
        }
        if (state == ExchangeState.STREAMING && Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> fail(failure));
            return;
        }
        HttpErrors.HttpError error = HttpErrors.of(failure);
        if (state == ExchangeState.STREAMING) {
            state = ExchangeState.DONE;
            hub.finish(sessionId, streamId, json.write(error.body()));
            return;
        }
        writeJson(error.status(), error.body(), error.retryAfter(), error.challenge());
    }

    /** GET: opens the session's standalone stream for messages not tied to a request. */
    synchronized String openStandalone() {
        state = ExchangeState.STREAMING;
        SseConnection connection = streamHeaders();
        String id = hub.openStandalone(sessionId, connection);
        if (primingRetry != null) {
            connection.prime(EventIds.of(id, 0), primingRetry);
        }
        done.complete(null);
        return id;
    }

    /** GET with {@code Last-Event-ID}: replays what the client missed on that stream, then follows it. */
    synchronized void resume(String lastEventId) {
        SseConnection connection = new SseConnection(sink, sse, context);
        if (!hub.canResume(sessionId, lastEventId)) {
            fail(new TransportException(
                    404,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Cannot resume from Last-Event-ID '" + lastEventId + "': unknown, expired, or not this session's;"
                            + " open a new stream without it"));
            return;
        }
        state = ExchangeState.STREAMING;
        streamHeaders();
        done.complete(null);
        hub.resume(sessionId, lastEventId, connection);
    }

    private SseConnection streamHeaders() {
        response.putHeader("X-Accel-Buffering", "no");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        return new SseConnection(sink, sse, context);
    }

    private void openStream() {
        state = ExchangeState.STREAMING;
        SseConnection connection = streamHeaders();
        streamId = hub.open(sessionId, connection);
        if (primingRetry != null) {
            connection.prime(EventIds.of(streamId, 0), primingRetry);
        }
        // Quarkus REST sends the SSE headers and watches for the client going away once this completes.
        done.complete(null);
    }

    private void writeJson(int status, Object body, String retryAfter, String challenge) {
        state = ExchangeState.DONE;
        JsonAnswer.write(response, new SseConnection(sink, sse, context), json, status, body, retryAfter, challenge);
        done.complete(null);
    }
}
