package dev.switchboard.transport;

import dev.switchboard.stream.StreamConnection;
import dev.switchboard.stream.StreamEvent;
import io.vertx.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A stream's live HTTP connection, written with Quarkus REST's SSE support.
 *
 * <p>Every write and the close run on the request's Vert.x context, in the order they were asked for. Events come from
 * worker threads (tools, the event log) and from the Redis subscriber's event loop, while Quarkus REST writes the SSE
 * head on the request's event loop once the response is decided. Its sink checks "head written?" and then sets the
 * status: a first event written from another thread at that moment failed with "Response head already sent" and was
 * lost, leaving the client with the head of a stream and no event. On one thread the two cannot interleave.
 */
final class SseConnection implements StreamConnection {

    private static final Logger LOG = Logger.getLogger(SseConnection.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final Context context;

    /** @param context the request's Vert.x context, on which the response is written and ended */
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

    /**
     * Ends the response, after the writes asked for before it. On the request's context it also runs after Quarkus
     * REST has taken over the SSE response (which it does on that context once the endpoint's Uni completes): ending it
     * earlier makes Quarkus REST fail to register its close handler.
     */
    @Override
    public void close() {
        context.runOnContext(ignored -> sink.close());
    }

    /** Queued on the request's context even from its own thread, so that no write overtakes an earlier one. */
    private void send(OutboundSseEvent event) {
        context.runOnContext(ignored -> write(event));
    }

    private void write(OutboundSseEvent event) {
        // A closed sink means the client went away; the hub keeps logging, so it can resume later.
        if (sink.isClosed()) {
            return;
        }
        try {
            sink.send(event);
        } catch (IllegalStateException e) {
            // On this thread nothing else writes or closes the response: this is a bug, never a lost event in silence.
            // 2026-07-28 events carry no id (nothing resumes them): name those by their type.
            String which = event.getId() != null ? "id " + event.getId() : "without id (" + event.getName() + ")";
            LOG.warnf("SSE event %s not written: %s", which, e.toString());
        }
    }
}
