package dev.switchboard.stream;

import dev.switchboard.observability.McpMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Routes stream events to live connections. Every event is logged first, then written to the stream's connection:
 * here when this replica holds it, or forwarded by the {@link EventLog} to the replica that does. A lock per stream
 * keeps replay-then-attach and delivery from interleaving, and events are delivered in id order at most once, so a
 * client that resumes with {@code Last-Event-ID} gets exactly what it missed.
 *
 * <p>Calls that touch the log may block (Redis): make them from worker threads. {@link #deliverRemote},
 * {@link #revoke} and {@link #dropSession} run on event loops (the Redis subscriber's, a request's): they never wait
 * for a stream's lock, which a worker may hold across a round trip to the log (see {@link LiveStream}).
 */
@Singleton
@Startup // so its gauge of open streams exists, at 0, before the first stream opens
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    private final EventLog log;
    private final LiveStreams live = new LiveStreams();
    private final Map<String, String> standalone = new ConcurrentHashMap<>();

    @Inject
    public StreamHub(EventLog log, McpMetrics metrics) {
        this(log);
        metrics.activeStreams("session", this, StreamHub::liveConnections);
    }

    /** A hub that reports to no meter registry (tests). */
    public StreamHub(EventLog log) {
        this.log = log;
    }

    /** Opens a new stream for a session and attaches its first connection. */
    public String open(String sessionId, StreamConnection connection) {
        String streamId = log.open(sessionId);
        live.attach(sessionId, streamId, connection);
        return streamId;
    }

    /** Opens the session's standalone stream (GET), replacing any earlier one on this replica. */
    public String openStandalone(String sessionId, StreamConnection connection) {
        String streamId = open(sessionId, connection);
        String previous = standalone.put(sessionId, streamId);
        if (previous != null) {
            live.removeAndClose(sessionId, previous);
            log.release(sessionId, previous);
        }
        return streamId;
    }

    /** How many streams have a client connected to this replica (a metric; counts without locking). */
    public int liveConnections() {
        return live.connected();
    }

    /** Sessions that have a standalone stream on this replica. */
    public Set<String> sessionsWithStandalone() {
        return Set.copyOf(standalone.keySet());
    }

    /** Logs a message on a stream and writes it to its connection, wherever that is. */
    public void publish(String sessionId, String streamId, String data) {
        LiveStream stream = live.getOrCreate(sessionId, streamId);
        stream.locked(() -> {
            deliverInOrder(sessionId, streamId, stream, logged(stream, sessionId, streamId, data, false));
            if (stream.connection == null) {
                live.remove(
                        sessionId, streamId, stream); // no connection here: keep no entry (a resume makes a new one)
            }
        });
    }

    /** Logs the final message of a stream, delivers it and ends the stream and its connection. */
    public void finish(String sessionId, String streamId, String data) {
        LiveStream stream = live.remove(sessionId, streamId);
        LiveStream target = stream == null ? new LiveStream(null) : stream;
        target.locked(() -> {
            try {
                // The log releases the stream with its last event (one round trip for both).
                target.deliver(logged(target, sessionId, streamId, data, true));
            } finally {
                target.detachAndClose(); // whatever the log did, the client's stream ends here
            }
        });
    }

    /**
     * Appends to the event log; when the log cannot be reached (Redis down or overloaded) the event still goes to the
     * connection here, with a local id: it just cannot be replayed, which beats a client left waiting forever.
     */
    private StreamEvent logged(LiveStream stream, String sessionId, String streamId, String data, boolean last) {
        try {
            return log.append(sessionId, streamId, data, last);
        } catch (RuntimeException e) {
            LOG.warnf("Event of stream %s delivered without logging it (no resumption): %s", streamId, e.toString());
            return new StreamEvent(EventIds.after(streamId, stream.lastDelivered), data);
        }
    }

    /** Ends a stream without a final message (e.g. a cancelled request). */
    public void abandon(String sessionId, String streamId) {
        log.complete(sessionId, streamId); // and releases it
        live.removeAndClose(sessionId, streamId);
    }

    /**
     * Closes a stream's connection but keeps the stream going: the client reconnects with {@code Last-Event-ID},
     * on any replica, and gets the rest (SSE polling, 2025-11-25).
     */
    public void disconnect(String sessionId, String streamId) {
        live.closeConnection(sessionId, streamId);
        log.release(sessionId, streamId);
    }

    /** Whether {@code lastEventId} names a resumable stream of this session. */
    public boolean canResume(String sessionId, String lastEventId) {
        return log.after(sessionId, lastEventId).isPresent();
    }

    /**
     * Resumes the stream of {@code lastEventId} on this replica: claims it (events appended anywhere now come here),
     * replays the missed events on the new connection, then keeps it attached while the stream goes on, or closes
     * it when the stream has finished.
     *
     * @return false when the id is unknown or expired, or belongs to another session
     * @throws RuntimeException when the log cannot be reached; the connection is then not attached
     */
    public boolean resume(String sessionId, String lastEventId, StreamConnection connection) {
        String streamId = EventIds.streamOf(lastEventId);
        if (streamId == null) {
            return false;
        }
        while (true) {
            LiveStream stream = live.getOrCreate(sessionId, streamId);
            Boolean resumed = stream.locked(() -> live.get(sessionId, streamId) != stream
                    ? null // a publish dropped this entry while we waited: take the current one
                    : replayAndAttach(sessionId, streamId, lastEventId, connection, stream));
            if (resumed != null) {
                return resumed;
            }
        }
    }

    /** Called with the stream's lock held. */
    private boolean replayAndAttach(
            String sessionId, String streamId, String lastEventId, StreamConnection connection, LiveStream stream) {
        Optional<EventLog.Replay> replay;
        try {
            log.claim(sessionId, streamId);
            replay = log.after(sessionId, lastEventId);
        } catch (RuntimeException e) {
            live.remove(sessionId, streamId, stream); // keep no entry without a connection
            throw e;
        }
        if (replay.isEmpty()) {
            log.release(sessionId, streamId);
            live.remove(sessionId, streamId, stream);
            return false;
        }
        if (stream.connection != null && stream.connection != connection) {
            stream.connection.close(); // one message is never sent on two connections
        }
        stream.connection = connection;
        stream.lastDelivered = lastEventId;
        deliverReplay(sessionId, streamId, stream, replay.get());
        return true;
    }

    /** Called with the stream's lock held: writes what the connection has not had, and ends it if the stream has. */
    private void deliverReplay(String sessionId, String streamId, LiveStream stream, EventLog.Replay replay) {
        replay.events().forEach(stream::deliver);
        if (replay.complete()) {
            stream.detachAndClose();
            live.remove(sessionId, streamId, stream);
            log.release(sessionId, streamId);
        }
    }

    /**
     * Delivers what the log holds beyond the last event each resumed connection here got: events forwarded to this
     * replica before its channel listened (at start-up) never arrive by pub/sub. Reads the log: call from a worker.
     */
    public void catchUp() {
        live.forEach((key, stream) -> stream.locked(() -> {
            if (stream.connection == null || stream.lastDelivered == null) {
                return; // no connection, or one that has had nothing yet: nothing can have been missed
            }
            try {
                log.after(key.sessionId(), stream.lastDelivered)
                        .ifPresent(replay -> deliverReplay(key.sessionId(), key.streamId(), stream, replay));
            } catch (RuntimeException e) {
                LOG.warnf("Stream %s not caught up after its channel listened: %s", key.streamId(), e.toString());
            }
        }));
    }

    /**
     * An event appended on another replica for a stream whose connection is here. Called on the event loop: it is
     * written at once when the stream's lock is free and nothing was missed before it; otherwise a worker thread waits
     * for the lock (a resume may hold it while it reads the log) and reads the gap from the log.
     */
    public void deliverRemote(String sessionId, String streamId, StreamEvent event, boolean last) {
        LiveStream stream = live.get(sessionId, streamId);
        if (stream == null) {
            return;
        }
        if (stream.tryLock()) {
            try {
                if (!stream.missedBefore(event)) {
                    deliverRemoteHere(sessionId, streamId, stream, event, last);
                    return;
                }
            } finally {
                stream.unlock();
            }
        }
        Infrastructure.getDefaultWorkerPool()
                .execute(() -> stream.locked(() -> deliverRemoteHere(sessionId, streamId, stream, event, last)));
    }

    /** Called with the stream's lock held. */
    private void deliverRemoteHere(
            String sessionId, String streamId, LiveStream stream, StreamEvent event, boolean last) {
        if (!event.data().isEmpty()) {
            deliverInOrder(sessionId, streamId, stream, event);
        }
        if (last) {
            stream.detachAndClose();
            live.remove(sessionId, streamId, stream);
        }
    }

    /**
     * Delivers an event after the ones the connection missed before it, read from the log: forwards from other
     * replicas can be lost while a Redis subscription is re-established, and an event logged here would otherwise
     * move the client past them for good. Called with the stream's lock held, on a thread that may wait on the log.
     */
    private void deliverInOrder(String sessionId, String streamId, LiveStream stream, StreamEvent event) {
        if (stream.missedBefore(event)) {
            try {
                log.after(sessionId, stream.lastDelivered)
                        .ifPresent(replay -> replay.events().stream()
                                .filter(missed -> EventIds.compare(missed.id(), event.id()) < 0)
                                .forEach(stream::deliver));
            } catch (RuntimeException e) {
                LOG.warnf("Stream %s: events missed before %s not replayed: %s", streamId, event.id(), e.toString());
            }
        }
        stream.deliver(event);
    }

    /** Another replica took over the stream's connection: this one must not write to it any more. */
    public void revoke(String sessionId, String streamId) {
        live.closeConnection(sessionId, streamId); // never waits for the lock: this runs on the subscriber's event loop
    }

    /**
     * Shutdown: closes every live connection with a reconnection hint and lets go of the streams, so their clients
     * resume on another replica while calls running here finish.
     */
    public void closeAll(java.time.Duration retry) {
        live.forEach((key, stream) -> {
            stream.locked(() -> {
                if (stream.connection != null) {
                    stream.connection.closeWithRetry(retry);
                    stream.connection = null;
                }
            });
            try {
                log.release(key.sessionId(), key.streamId());
            } catch (RuntimeException e) {
                // Redis is unreachable: the owner mark expires with the session's TTL, and a resume claims it anyway.
            }
        });
    }

    /** Whether this replica holds an open stream of the session (read by the console, never on a request's path). */
    public boolean holds(String sessionId) {
        return standalone.containsKey(sessionId) || live.anyOf(sessionId);
    }

    /** Forgets a session's streams and closes their connections. */
    public void dropSession(String sessionId) {
        standalone.remove(sessionId);
        live.dropSession(sessionId);
        log.dropSession(sessionId);
    }
}
