package dev.switchboard.stream;

import java.util.List;
import java.util.Optional;

/**
 * Remembers the events of each SSE stream so a client that lost its connection can resume with
 * {@code Last-Event-ID} and get exactly the events it missed. Streams belong to a session; a stream is never
 * replayed to another session.
 *
 * <p>With several replicas, the log also knows which replica holds a stream's live connection ({@link #claim}) and
 * forwards each appended event there. Implementations may block briefly (a Redis round trip): call them from worker
 * threads, never from an event loop.
 */
public interface EventLog {

    /** Starts a stream whose live connection is on this replica, and returns its id. */
    String open(String sessionId);

    /**
     * Appends a message to a stream and returns the event with its id; forwards it to the replica holding the
     * stream's connection when that is another one.
     *
     * @param last true for the final message: the stream is then complete, and released by this replica (as by
     *     {@link #release}) when it holds it
     */
    StreamEvent append(String sessionId, String streamId, String data, boolean last);

    /** Marks a stream finished without a final message (e.g. a cancelled request), and releases it like a last event. */
    void complete(String sessionId, String streamId);

    /**
     * The events after {@code lastEventId} on its stream.
     *
     * @return empty when the id is unknown, malformed, expired or belongs to another session's stream
     */
    Optional<Replay> after(String sessionId, String lastEventId);

    /** This replica now holds the stream's live connection: later events are delivered here. */
    default void claim(String sessionId, String streamId) {}

    /** This replica no longer holds a connection for the stream. */
    default void release(String sessionId, String streamId) {}

    /**
     * Forgets every stream of a session that has ended. Must not block. A log whose streams live with the sessions
     * (Redis) has nothing left to do: the session store deleted them with the session.
     */
    void dropSession(String sessionId);

    /** The missed events of one stream, and whether that stream has finished. */
    record Replay(String streamId, List<StreamEvent> events, boolean complete) {}
}
