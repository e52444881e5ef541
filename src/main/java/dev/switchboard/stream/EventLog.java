package dev.switchboard.stream;

import java.util.List;
import java.util.Optional;

/**
 * Remembers the events of each SSE stream so a client that lost its connection can resume with
 * {@code Last-Event-ID} and get exactly the events it missed. Streams belong to a session; a stream is never
 * replayed to another session.
 */
public interface EventLog {

    /** Starts a stream and returns its id. */
    String open(String sessionId);

    /** Appends a message to a stream and returns the event with its id. */
    StreamEvent append(String sessionId, String streamId, String data);

    /** Marks a stream finished: a resumed connection ends after the replay. */
    void complete(String sessionId, String streamId);

    /**
     * The events after {@code lastEventId} on its stream.
     *
     * @return empty when the id is unknown, malformed, expired or belongs to another session's stream
     */
    Optional<Replay> after(String sessionId, String lastEventId);

    /** Forgets every stream of a session. */
    void dropSession(String sessionId);

    /** The missed events of one stream, and whether that stream has finished. */
    record Replay(String streamId, List<StreamEvent> events, boolean complete) {}
}
