package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.input.ClientRequests;
import dev.switchboard.protocol.input.InputSource;
import dev.switchboard.protocol.input.RetriedInputs;
import dev.switchboard.protocol.input.SessionInputs;
import jakarta.inject.Singleton;

/**
 * How a tool call is controlled and asks the client for input, decided once by the caller's era. The session era
 * registers the call (so {@code notifications/cancelled} from any replica reaches it) and asks over the session's
 * stream; 2026-07-28 cancels when the request's stream closes and asks by answering {@code input_required}, reading
 * the answers from the retried request.
 */
@Singleton
public class EraCalls {

    private static final InputSource ASKING_BLOCKS = (caller, requests) -> {
        throw new IllegalStateException("A tool declared non-blocking (@Tool(blocking = false), McpTool.blocking()"
                + " false) cannot ask the client for input: asking waits for the answer");
    };

    private final RunningCalls running;
    private final ClientRequests clientRequests;
    private final ObjectMapper mapper;

    public EraCalls(RunningCalls running, ClientRequests clientRequests, ObjectMapper mapper) {
        this.running = running;
        this.clientRequests = clientRequests;
        this.mapper = mapper;
    }

    /** A blocking call begun: its control, where it asks for input, and what ends it. */
    public record Begun(CallControl control, InputSource inputs, Runnable finish) {}

    /** Begins a call that runs on a worker; run {@link Begun#finish} when it is over, however it ends. */
    public Begun begin(McpRequest request) {
        Caller caller = request.caller();
        if (caller.stateless()) {
            return new Begun(new CallControl(), new RetriedInputs(request.retry()), () -> {});
        }
        String session = caller.sessionId();
        JsonRpcId id = request.message().id();
        CallControl control = running.start(session, id);
        return new Begun(
                control,
                new SessionInputs(clientRequests, request.channel(), control, mapper),
                () -> running.finish(session, id, control));
    }

    /**
     * Where a call that never blocks asks for input: a 2026-07-28 retry carries the answers with the request, while
     * the session era would have to wait for them, which such a call must not.
     */
    public InputSource nonBlockingInputs(McpRequest request) {
        return request.caller().stateless() ? new RetriedInputs(request.retry()) : ASKING_BLOCKS;
    }
}
