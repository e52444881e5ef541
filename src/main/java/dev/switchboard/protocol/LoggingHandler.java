package dev.switchboard.protocol;

import dev.switchboard.api.LogLevel;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.EmptyResult;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.session.SessionStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code logging/setLevel}: the minimum level of log notifications the session receives. */
@Singleton
public class LoggingHandler {

    private static final String LEVELS =
            Arrays.stream(LogLevel.values()).map(LogLevel::wire).collect(Collectors.joining(", "));

    private final SessionStore sessions;

    public LoggingHandler(SessionStore sessions) {
        this.sessions = sessions;
    }

    public Uni<EmptyResult> setLevel(McpRequest request) {
        String requested = request.message().param("level").textValue();
        LogLevel level = LogLevel.of(requested)
                .orElseThrow(() -> JsonRpcException.invalidParams("params.level must be one of " + LEVELS
                        + (requested == null ? "" : "; got '" + requested + "'")));
        return sessions.setLogLevel(request.caller().sessionId(), level.wire()).map(found -> {
            if (!found) {
                throw RequestRejectedException.sessionNotFound();
            }
            return EmptyResult.INSTANCE;
        });
    }
}
