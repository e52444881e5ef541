package dev.switchboard.transport;

import dev.switchboard.protocol.core.ProtocolVersion;

/**
 * Where the events of a streamed answer go once an {@link Exchange} switches to SSE: the strategy that tells the two
 * eras apart. The exchange decides when to stream and what to answer; the stream decides how events travel.
 */
interface EventStream {

    /** Whether this request may stream at all (a session-era request without a session cannot). */
    boolean enabled();

    /** Starts the stream on the answer's connection, before the first event. */
    void open(SseConnection connection);

    /** One event. */
    void send(String data);

    /** The last event (the response), then the end. */
    void finish(String data);

    /** The end, without a response (e.g. a cancelled call). */
    void end();

    /** Whether ending may wait on I/O (a logged stream writes to Redis), so it must not run on the event loop. */
    boolean endsOffTheEventLoop();

    /** The client went away while streaming: nothing more will be written. */
    default void clientGone() {}

    /** Called with the revision the request's session negotiated. */
    default void negotiated(ProtocolVersion version) {}

    /** Whether the client can be disconnected mid-stream and resume later. */
    default boolean resumable() {
        return false;
    }

    /** Lets the client's connection go while the stream goes on ({@link #resumable} streams only). */
    default void disconnect() {
        throw new UnsupportedOperationException("this stream cannot be resumed");
    }
}
