package dev.switchboard.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a running tool may know and do about the call it serves: report progress, log to the client, notice
 * cancellation, and ask the client for input (elicitation), an LLM completion (sampling) or its roots. Asking the
 * client blocks the calling worker thread until the answer arrives, never an event-loop thread.
 */
public interface ToolContext {

    /** The MCP session the call belongs to. */
    String sessionId();

    /** The protocol revision the client speaks, e.g. {@code 2025-11-25}. */
    String protocolVersion();

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

    /** Sends a log message to the client when its level passes the session's {@code logging/setLevel}. */
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

    /**
     * Asks the user for structured input through the client (form-mode elicitation).
     *
     * @param requestedSchema a flat JSON Schema object of primitive properties
     * @throws ClientRequestException when the client cannot elicit or does not answer in time
     */
    ElicitationResult elicit(String message, ObjectNode requestedSchema);

    /**
     * Sends the user to a URL through the client (URL-mode elicitation), e.g. to authorise access.
     *
     * @throws ClientRequestException when the client cannot elicit URLs or does not answer in time
     */
    ElicitationResult elicitUrl(String message, String url, String elicitationId);

    /**
     * Asks the client's LLM for a completion.
     *
     * @throws ClientRequestException when the client cannot sample or does not answer in time
     */
    SamplingResult sample(SamplingRequest request);

    /**
     * The client's roots (directories or URIs it exposes).
     *
     * @throws ClientRequestException when the client has no roots capability or does not answer in time
     */
    List<Root> roots();
}
