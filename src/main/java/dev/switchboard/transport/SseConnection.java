package dev.switchboard.transport;

import dev.switchboard.stream.StreamConnection;
import dev.switchboard.stream.StreamEvent;
import io.vertx.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;

/** A stream's live HTTP connection, written with Quarkus REST's SSE support. */
final class SseConnection implements StreamConnection {

    private final SseEventSink sink;
    private final Sse sse;
    private final Context context;

    /** @param context the request's Vert.x context, on which the response is ended */
    SseConnection(SseEventSink sink, Sse sse, Context context) {
        this.sink = sink;
        this.sse = sse;
        this.context = context;
    }

    @Override
    public void deliver(StreamEvent event) {
        send(sse.newEventBuilder().id(event.id()).data(event.data()).build());
    }

    /** An event without id (2026-07-28 streams cannot be resumed, so their events carry none). */
    void sendData(String data) {
        send(sse.newEventBuilder().data(data).build());
    }

    /** A comment line, which clients ignore: keeps idle connections from being closed by proxies. */
    void keepAlive() {
        send(sse.newEventBuilder().comment("").build());
    }

    /**
     * The priming event of a 2025-11-25 stream: an id to resume from, empty data, and how long to wait before
     * reconnecting.
     */
    void prime(String eventId, Duration retry) {
        send(sse.newEventBuilder()
                .id(eventId)
                .reconnectDelay(retry.toMillis())
                .data("")
                .build());
    }

    /** A last event without data (clients dispatch nothing) that sets their reconnection delay, then the end. */
    @Override
    public void closeWithRetry(Duration retry) {
        send(sse.newEventBuilder()
                .comment("closing: reconnect with Last-Event-ID")
                .reconnectDelay(retry.toMillis())
                .build());
        close();
    }

    private void send(OutboundSseEvent event) {
        // A closed sink means the client went away; the hub keeps logging, so it can resume later.
        if (!sink.isClosed()) {
            try {
                sink.send(event);
            } catch (IllegalStateException e) {
                // closed concurrently
            }
        }
    }

    /**
     * Ends the response. Deferred to the request's context so it runs after Quarkus REST has taken over the SSE
     * response (which it does on that context once the endpoint's Uni completes): ending it earlier makes Quarkus
     * REST fail to register its close handler.
     */
    @Override
    public void close() {
        context.runOnContext(ignored -> sink.close());
    }
}
