package dev.switchboard.api;

/**
 * What a running tool may know and do about the call it serves: report progress, log to the client, notice
 * cancellation, and ask the client for input ({@link ClientInput}). Tools run on worker threads, so asking may
 * block.
 */
public interface ToolContext extends ClientInput {

    /** The MCP session the call belongs to, or null in the stateless revision 2026-07-28. */
    String sessionId();

    /** The protocol revision the client speaks, e.g. {@code 2025-11-25}. */
    String protocolVersion();

    /**
     * Who is calling: with authorization on, the token's principal, which owns the sessions, workspaces and memories
     * it creates; {@link Principal#OPEN} without authorization.
     */
    Principal principal();

    /** The name the tool was called by. */
    String toolName();

    /**
     * Reports progress. Sent only when the client asked for it (a {@code progressToken}) and only when
     * {@code progress} is greater than the last value sent.
     *
     * @param total the total amount of work, or null when unknown
     * @param message a human-readable status, or null
     */
    void progress(double progress, Double total, String message);

    /**
     * Sends a log message to the client when its level passes the session's {@code logging/setLevel} (session era)
     * or the request's {@code io.modelcontextprotocol/logLevel} (2026-07-28, where nothing is sent without it).
     */
    void log(LogLevel level, Object data);

    /**
     * Closes the client's connection for this call while the tool goes on working (SSE polling, MCP 2025-11-25): the
     * client reconnects with {@code Last-Event-ID} and receives what follows, including the result. Frees
     * connections during long work.
     *
     * @return false when the client's revision cannot resume, so the connection stays open
     */
    boolean closeConnection();

    /** True once the client cancelled the call or its timeout passed; a long-running tool should stop. */
    boolean isCancelled();

    /** Runs {@code action} when the call is cancelled (at once if it already is). */
    void onCancel(Runnable action);
}
