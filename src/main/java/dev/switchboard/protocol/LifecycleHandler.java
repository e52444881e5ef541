package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Principal;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.security.limits.SessionAdmission;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionIdGenerator;
import dev.switchboard.session.SessionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** {@code initialize}: negotiates the revision, opens a session and introduces the server. */
@ApplicationScoped
public class LifecycleHandler {

    private final SessionStore sessions;
    private final SessionAdmission admission;
    private final SessionIdGenerator ids;
    private final Clock clock;
    private final Implementation serverInfo;
    private final String instructions;

    public LifecycleHandler(
            SessionStore sessions,
            SessionIdGenerator ids,
            Clock clock,
            SessionAdmission admission,
            SwitchboardConfig config) {
        this.admission = admission;
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
        this.serverInfo = new Implementation(
                config.server().name(), config.server().title(), config.server().version());
        this.instructions = config.server().instructions().orElse(null);
    }

    /** The new session and the result to send; the session is stored before the result is. */
    public record Initialized(Session session, InitializeResult result) {}

    public Uni<Initialized> initialize(JsonRpcRequest request, Principal principal) {
        JsonNode requested = request.param("protocolVersion");
        if (!requested.isTextual()) {
            throw JsonRpcException.invalidParams("initialize needs params.protocolVersion, a string such as \""
                    + ProtocolVersion.LATEST.wire() + "\"");
        }
        JsonNode clientInfo = request.param("clientInfo");
        if (!clientInfo.isObject() || !clientInfo.path("name").isTextual()) {
            throw JsonRpcException.invalidParams(
                    "initialize needs params.clientInfo, an object with at least a string \"name\"");
        }
        JsonNode capabilities = request.param("capabilities");
        if (!capabilities.isMissingNode() && !capabilities.isObject()) {
            throw JsonRpcException.invalidParams("params.capabilities must be an object");
        }
        ProtocolVersion version = ProtocolVersion.negotiate(requested.textValue());
        Instant now = clock.instant();
        Session session = new Session(
                ids.next(),
                principal.id(),
                version.wire(),
                (ObjectNode) clientInfo,
                capabilities.isObject() ? (ObjectNode) capabilities : null,
                null,
                now,
                now);
        InitializeResult result =
                new InitializeResult(version.wire(), ServerCapabilities.of(version), serverInfo, instructions);
        return admission
                .admit(principal, session.id())
                .onFailure(SessionAdmission.TooManySessionsException.class)
                .transform(refused -> JsonRpcException.invalidRequest(refused.getMessage()))
                .chain(() -> sessions.create(session))
                .replaceWith(new Initialized(session, result));
    }
}
