package dev.switchboard.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams this replica knows by session and stream id, with the connection each has here (or none). Closing a
 * connection never waits for its stream's lock ({@link LiveStream#whenFree}): the Redis subscriber's event loop closes
 * them too.
 */
final class LiveStreams {

    /** A stream of a session. */
    record Key(String sessionId, String streamId) {}

    /** What {@link #forEach} hands over: a stream and its state here. */
    interface Visitor {
        void visit(Key key, LiveStream stream);
    }

    private final Map<Key, LiveStream> streams = new ConcurrentHashMap<>();

    LiveStream get(String sessionId, String streamId) {
        return streams.get(new Key(sessionId, streamId));
    }

    /** The entry of a stream, made (without a connection) when there is none. */
    LiveStream getOrCreate(String sessionId, String streamId) {
        return streams.computeIfAbsent(new Key(sessionId, streamId), k -> new LiveStream(null));
    }

    void attach(String sessionId, String streamId, StreamConnection connection) {
        streams.put(new Key(sessionId, streamId), new LiveStream(connection));
    }

    LiveStream remove(String sessionId, String streamId) {
        return streams.remove(new Key(sessionId, streamId));
    }

    void removeAndClose(String sessionId, String streamId) {
        LiveStream stream = remove(sessionId, streamId);
        if (stream != null) {
            stream.whenFree(stream::detachAndClose);
        }
    }

    /** Closes the stream's connection here, keeping its entry. */
    void closeConnection(String sessionId, String streamId) {
        LiveStream stream = get(sessionId, streamId);
        if (stream != null) {
            stream.whenFree(stream::detachAndClose);
        }
    }

    /** Removes the entry only if it still is {@code stream}. */
    void remove(String sessionId, String streamId, LiveStream stream) {
        streams.remove(new Key(sessionId, streamId), stream);
    }

    void forEach(Visitor visitor) {
        streams.forEach(visitor::visit);
    }

    /** How many streams have a client connected here (counts without locking). */
    int connected() {
        return (int) streams.values().stream()
                .filter(stream -> stream.connection != null)
                .count();
    }

    boolean anyOf(String sessionId) {
        return streams.keySet().stream().anyMatch(key -> key.sessionId().equals(sessionId));
    }

    /** Forgets a session's streams and closes their connections. */
    void dropSession(String sessionId) {
        streams.entrySet().removeIf(entry -> {
            if (entry.getKey().sessionId().equals(sessionId)) {
                LiveStream stream = entry.getValue();
                stream.whenFree(stream::detachAndClose);
                return true;
            }
            return false;
        });
    }
}
