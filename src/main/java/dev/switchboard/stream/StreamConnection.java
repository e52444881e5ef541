package dev.switchboard.stream;

/** A live SSE connection a stream's events are written to. Implemented by the transport. */
public interface StreamConnection {

    /** Writes one event; must not block. */
    void deliver(StreamEvent event);

    /** Ends the HTTP response. */
    void close();

    /** Ends the HTTP response after telling the client to reconnect after {@code retry} (e.g. elsewhere). */
    default void closeWithRetry(java.time.Duration retry) {
        close();
    }
}
