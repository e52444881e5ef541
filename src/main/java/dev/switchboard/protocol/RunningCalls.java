package dev.switchboard.protocol;

import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Replicas;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests being served, by session and request id, so {@code notifications/cancelled} can reach them. */
@Singleton
public class RunningCalls {

    private final Map<String, CallControl> calls = new ConcurrentHashMap<>();
    private final Replicas replicas;

    public RunningCalls(Replicas replicas) {
        this.replicas = replicas;
    }

    CallControl start(String sessionId, JsonRpcId requestId) {
        CallControl control = new CallControl();
        calls.put(key(sessionId, requestId), control);
        return control;
    }

    void finish(String sessionId, JsonRpcId requestId, CallControl control) {
        calls.remove(key(sessionId, requestId), control);
    }

    /** Cancels a running request of the session, on whichever replica it runs. */
    void cancel(String sessionId, JsonRpcId requestId) {
        if (!cancelHere(sessionId, requestId)) {
            replicas.cancelElsewhere(sessionId, requestId);
        }
    }

    /** Cancels a request running in this process; false when none runs here under that id. */
    public boolean cancelHere(String sessionId, JsonRpcId requestId) {
        CallControl control = calls.get(key(sessionId, requestId));
        if (control == null) {
            return false;
        }
        control.cancel(true);
        return true;
    }

    private static String key(String sessionId, JsonRpcId requestId) {
        return sessionId + '\n' + requestId.key();
    }
}
