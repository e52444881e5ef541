package dev.switchboard.transport;

import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.stream.EventIds;
import dev.switchboard.stream.StreamHub;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The session era's stream: every event is logged by the {@link StreamHub} before it is delivered, so a client of
 * 2025-11-25 or later can reconnect with {@code Last-Event-ID} on any replica and get what it missed.
 */
final class LoggedStream implements EventStream {

    private static final Logger LOG = Logger.getLogger(LoggedStream.class);

    private final StreamHub hub;
    private final String sessionId;
    private final Duration retry;
    private Duration primingRetry;
    private String streamId;

    /** @param retry the {@code retry:} of the priming event that starts a 2025-11-25 stream */
    LoggedStream(StreamHub hub, String sessionId, Duration retry) {
        this.hub = hub;
        this.sessionId = sessionId;
        this.retry = retry;
    }

    @Override
    public boolean enabled() {
        return sessionId != null;
    }

    /** Clients from 2025-11-25 on can resume streams: their streams start with a priming event. */
    @Override
    public void negotiated(ProtocolVersion version) {
        primingRetry = version == ProtocolVersion.V2025_11_25 ? retry : null;
    }

    @Override
    public void open(SseConnection connection) {
        streamId = hub.open(sessionId, connection);
        prime(connection, streamId);
    }

    /** GET: the session's standalone stream, for messages not tied to a request; returns its id. */
    String openStandalone(SseConnection connection) {
        String id = hub.openStandalone(sessionId, connection);
        prime(connection, id);
        return id;
    }

    /** Whether {@code lastEventId} names an event of this session that can still be replayed. */
    boolean canResume(String lastEventId) {
        return hub.canResume(sessionId, lastEventId);
    }

    /**
     * GET with {@code Last-Event-ID}: replays what the client missed on that stream, then follows it. When that fails
     * after the stream was opened (the log went out of reach, or the stream expired since it was checked), the stream
     * ends with a reconnection hint: a client is never left holding a stream nothing writes to.
     */
    void resume(String lastEventId, SseConnection connection) {
        boolean resumed;
        try {
            resumed = hub.resume(sessionId, lastEventId, connection);
        } catch (RuntimeException e) {
            LOG.warnf("Stream of event %s not resumed; the client is told to retry: %s", lastEventId, e.toString());
            resumed = false;
        }
        if (!resumed) {
            connection.closeWithRetry(retry);
        }
    }

    @Override
    public void send(String data) {
        hub.publish(sessionId, streamId, data);
    }

    @Override
    public void finish(String data) {
        hub.finish(sessionId, streamId, data);
    }

    @Override
    public void end() {
        hub.abandon(sessionId, streamId);
    }

    @Override
    public boolean endsOffTheEventLoop() {
        return true;
    }

    @Override
    public boolean resumable() {
        return sessionId != null && primingRetry != null;
    }

    @Override
    public void disconnect() {
        hub.disconnect(sessionId, streamId);
    }

    private void prime(SseConnection connection, String id) {
        if (primingRetry != null) {
            connection.prime(EventIds.of(id, 0), primingRetry);
        }
    }
}
