package dev.switchboard.stream;

/**
 * One SSE event of a stream: its id ({@code <streamId>_<sequence>}) and the JSON-RPC message it carries as text.
 * Empty data marks a priming event, which only gives the client an id to resume from.
 *
 * @param previousId the id of the entry logged just before it, when the log knows it: a connection that last got an
 *     earlier event missed some (a forward lost with a Redis subscription) and catches up from the log first
 */
public record StreamEvent(String id, String data, String previousId) {

    public StreamEvent(String id, String data) {
        this(id, data, null);
    }
}
