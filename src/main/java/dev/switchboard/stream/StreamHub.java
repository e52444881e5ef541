package dev.switchboard.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes stream events to live connections. Every event is logged first, then written to the stream's current
 * connection if it has one, so a client that reconnects with {@code Last-Event-ID} gets exactly what it missed. A
 * lock per stream keeps replay-then-attach and publish from interleaving: no event is lost or sent twice.
 */
@ApplicationScoped
public class StreamHub {

    private final EventLog log;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, String> standalone = new ConcurrentHashMap<>();

    public StreamHub(EventLog log) {
        this.log = log;
    }

    /** Opens a new stream for a session and attaches its first connection. */
    public String open(String sessionId, StreamConnection connection) {
        String streamId = log.open(sessionId);
        live.put(key(sessionId, streamId), new Live(connection));
        return streamId;
    }

    /** Opens the session's standalone stream (GET), replacing any earlier one. */
    public String openStandalone(String sessionId, StreamConnection connection) {
        String streamId = open(sessionId, connection);
        String previous = standalone.put(sessionId, streamId);
        if (previous != null) {
            Live old = live.remove(key(sessionId, previous));
            if (old != null) {
                old.detachAndClose();
            }
        }
        return streamId;
    }

    /** Sessions that have a standalone stream. */
    public java.util.Set<String> sessionsWithStandalone() {
        return java.util.Set.copyOf(standalone.keySet());
    }

    /** Logs a message on a stream and writes it to the live connection, if any. */
    public void publish(String sessionId, String streamId, String data) {
        Live stream = live.computeIfAbsent(key(sessionId, streamId), k -> new Live(null));
        synchronized (stream) {
            StreamEvent event = log.append(sessionId, streamId, data);
            if (stream.connection != null) {
                stream.connection.deliver(event);
            }
        }
    }

    /** Sends a message not tied to any request on the session's standalone stream; false when it has none. */
    public boolean publishStandalone(String sessionId, String data) {
        String streamId = standalone.get(sessionId);
        if (streamId == null) {
            return false;
        }
        publish(sessionId, streamId, data);
        return true;
    }

    /** Logs the final message of a stream, delivers it and ends the stream and its connection. */
    public void finish(String sessionId, String streamId, String data) {
        Live stream = live.remove(key(sessionId, streamId));
        Live target = stream == null ? new Live(null) : stream;
        synchronized (target) {
            StreamEvent event = log.append(sessionId, streamId, data);
            log.complete(sessionId, streamId);
            if (target.connection != null) {
                target.connection.deliver(event);
                target.connection.close();
                target.connection = null;
            }
        }
    }

    /**
     * Closes a stream's connection but keeps the stream going: the client reconnects with {@code Last-Event-ID}
     * and gets the rest (SSE polling, 2025-11-25).
     */
    public void disconnect(String sessionId, String streamId) {
        Live stream = live.get(key(sessionId, streamId));
        if (stream != null) {
            stream.detachAndClose();
        }
    }

    /** Ends a stream without a final message (e.g. a cancelled request). */
    public void abandon(String sessionId, String streamId) {
        log.complete(sessionId, streamId);
        Live stream = live.remove(key(sessionId, streamId));
        if (stream != null) {
            stream.detachAndClose();
        }
    }

    /** The client went away: keep logging the stream's events for a later resume. */
    public void detach(String sessionId, String streamId, StreamConnection connection) {
        Live stream = live.get(key(sessionId, streamId));
        if (stream != null) {
            synchronized (stream) {
                if (stream.connection == connection) {
                    stream.connection = null;
                }
            }
        }
    }

    /** Whether {@code lastEventId} names a resumable stream of this session. */
    public boolean canResume(String sessionId, String lastEventId) {
        return log.after(sessionId, lastEventId).isPresent();
    }

    /**
     * Resumes the stream of {@code lastEventId}: replays the missed events on the new connection, then keeps it
     * attached while the stream goes on, or closes it when the stream has finished.
     *
     * @return false when the id is unknown or expired, or belongs to another session
     */
    public boolean resume(String sessionId, String lastEventId, StreamConnection connection) {
        String streamId = EventIds.streamOf(lastEventId);
        if (streamId == null) {
            return false;
        }
        Live stream = live.get(key(sessionId, streamId));
        Object lock = stream == null ? new Object() : stream;
        synchronized (lock) {
            Optional<EventLog.Replay> replay = log.after(sessionId, lastEventId);
            if (replay.isEmpty()) {
                return false;
            }
            replay.get().events().forEach(connection::deliver);
            if (replay.get().complete() || stream == null) {
                connection.close();
            } else {
                if (stream.connection != null && stream.connection != connection) {
                    stream.connection.close(); // one message is never sent on two connections
                }
                stream.connection = connection;
            }
            return true;
        }
    }

    /** Forgets a session's streams and closes their connections. */
    public void dropSession(String sessionId) {
        standalone.remove(sessionId);
        String prefix = sessionId + '\n';
        live.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(prefix)) {
                entry.getValue().detachAndClose();
                return true;
            }
            return false;
        });
        log.dropSession(sessionId);
    }

    private static String key(String sessionId, String streamId) {
        return sessionId + '\n' + streamId;
    }

    private static final class Live {
        private StreamConnection connection;

        private Live(StreamConnection connection) {
            this.connection = connection;
        }

        private synchronized void detachAndClose() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}
