package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Principal;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.security.limits.SessionAdmission;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionEndHooks;
import dev.switchboard.session.SessionIdGenerator;
import dev.switchboard.session.SessionStore;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@code initialize}: negotiates the revision, opens a session and introduces the server. */
@Singleton
public class LifecycleHandler {

    private final SessionStore sessions;
    private final SessionAdmission admission;
    private final SessionIdGenerator ids;
    private final Clock clock;
    private final Implementation serverInfo;
    private final String instructions;
    private final StreamHub hub;
    private final OfferedCapabilities offered;
    private final SessionEndHooks endHooks;

    public LifecycleHandler(
            SessionStore sessions,
            SessionIdGenerator ids,
            Clock clock,
            SessionAdmission admission,
            StreamHub hub,
            OfferedCapabilities offered,
            SessionEndHooks endHooks,
            SwitchboardConfig config) {
        this.offered = offered;
        this.endHooks = endHooks;
        this.admission = admission;
        this.hub = hub;
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
        InitializeResult result = new InitializeResult(version.wire(), offered.of(version), serverInfo, instructions);
        return admission
                .admit(principal, session.id())
                .onFailure(SessionAdmission.TooManySessionsException.class)
                .transform(refused -> JsonRpcException.invalidRequest(refused.getMessage()))
                .chain(() -> sessions.create(session))
                .replaceWith(new Initialized(session, result));
    }

    /**
     * Ends a session ({@code DELETE}): its stored state, streams and subscriptions. False when it did not exist or
     * belongs to another principal.
     */
    public Uni<Boolean> end(String sessionId, Principal principal) {
        return endHooks.prepare(sessionId)
                .chain(work -> sessions.delete(sessionId, principal.id())
                        .call(existed -> existed
                                ? ended(sessionId, principal.id()).invoke(work)
                                : Uni.createFrom().voidItem()));
    }

    /** Ends a session whoever owns it (the console) as {@link #end} does for its owner: its next request gets 404. */
    public Uni<Boolean> endAny(String sessionId) {
        return endHooks.prepare(sessionId)
                .chain(work -> sessions.end(sessionId)
                        .call(owner -> owner.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : ended(sessionId, owner.get()).invoke(work))
                        .map(Optional::isPresent));
    }

    private Uni<Void> ended(String sessionId, String owner) {
        hub.dropSession(sessionId);
        return admission.release(owner, sessionId);
    }
}
