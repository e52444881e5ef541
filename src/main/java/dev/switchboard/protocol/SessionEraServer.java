package dev.switchboard.protocol;

import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.ErrorResponses;
import dev.switchboard.protocol.core.InputAnswers;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.security.limits.RequestRateLimits;
import dev.switchboard.session.AllowanceExceededException;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves the session-based revisions (2024-11-05 to 2025-11-25): checks the session of every message and dispatches
 * it: requests to the methods both eras share ({@link SharedMethods}) or to this era's own ({@link SessionMethods}),
 * notifications and answers to {@link ClientMessages}; sessions open and end in {@link LifecycleHandler}.
 *
 * <p>Each message costs at most one session-store round trip: loading the session, restarting its TTL and, for a tool
 * call, recording it in {@code tools_used} happen in one {@link SessionStore#touch} call (which the Redis store's near
 * cache answers without a trip most of the time).
 */
@Singleton
public class SessionEraServer {

    private final SessionStore sessions;
    private final LifecycleHandler lifecycle;
    private final SessionMethods sessionMethods;
    private final SharedMethods shared;
    private final CalledTools calledTools;
    private final ClientMessages clientMessages;
    private final Clock clock;
    private final LogLevel defaultLogLevel;
    private final RequestObserver observer;
    private final RequestRateLimits rateLimits;

    public SessionEraServer(
            SessionStore sessions,
            LifecycleHandler lifecycle,
            SessionMethods sessionMethods,
            SharedMethods shared,
            CalledTools calledTools,
            ClientMessages clientMessages,
            Clock clock,
            RequestObserver observer,
            RequestRateLimits rateLimits,
            SwitchboardConfig config) {
        this.rateLimits = rateLimits;
        this.observer = observer;
        this.defaultLogLevel = LogLevel.of(config.logging().defaultLevel())
                .orElseThrow(() -> new IllegalArgumentException("switchboard.logging.default-level must be one of"
                        + " debug, info, notice, warning, error, critical, alert, emergency"));
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.sessionMethods = sessionMethods;
        this.shared = shared;
        this.calledTools = calledTools;
        this.clientMessages = clientMessages;
        this.clock = clock;
    }

    /**
     * Handles one POST body.
     *
     * @param sessionId the {@code Mcp-Session-Id} header, or null
     * @param principal who sent it; a session is found only by the principal that opened it
     * @param channel carries messages related to a single request back to the client before its response
     * @throws RequestRejectedException when the message is refused as a whole (no session, unknown session, batch
     *     outside 2025-03-26)
     */
    public Uni<McpReply> handle(JsonRpcPayload payload, String sessionId, Principal principal, RequestChannel channel) {
        if (payload.batch()) {
            return handleBatch(payload.entries(), sessionId, principal);
        }
        JsonRpcPayload.Entry entry = payload.single();
        if (entry instanceof JsonRpcPayload.Valid valid
                && valid.message() instanceof JsonRpcRequest request
                && McpMethod.INITIALIZE.wire().equals(request.method())) {
            return initialize(request, principal);
        }
        if (sessionId == null) {
            return Uni.createFrom().failure(RequestRejectedException.sessionRequired());
        }
        return handleInSession(entry, sessionId, principal, channel)
                .map(response -> response == null ? new McpReply.Accepted() : new McpReply.Respond(response, null));
    }

    /** Ends a session ({@code DELETE}); false when it did not exist or belongs to another principal. */
    public Uni<Boolean> end(String sessionId, Principal principal) {
        return lifecycle.end(sessionId, principal);
    }

    /** Ends a session whoever owns it (the console): its next request gets 404. */
    public Uni<Boolean> endAny(String sessionId) {
        return lifecycle.endAny(sessionId);
    }

    private Uni<McpReply> initialize(JsonRpcRequest request, Principal principal) {
        return observer.observe(
                request,
                null,
                Era.SESSION.tag(),
                null,
                null,
                () -> Uni.createFrom()
                        .deferred(() -> lifecycle.initialize(request, principal))
                        .map(done -> (McpReply) new McpReply.Respond(
                                JsonRpcResponse.success(request.id(), done.result()),
                                done.session().id()))
                        .onFailure(JsonRpcException.class)
                        .recoverWithItem(failure -> new McpReply.Respond(ErrorResponses.of(request, failure), null)));
    }

    private Uni<McpReply> handleBatch(List<JsonRpcPayload.Entry> entries, String sessionId, Principal principal) {
        if (sessionId == null) {
            return Uni.createFrom()
                    .failure(new RequestRejectedException(
                            RequestRejectedException.Reason.INVALID_REQUEST,
                            "JSON-RPC batches are accepted only within a session that negotiated protocol revision "
                                    + ProtocolVersion.V2025_03_26.wire() + "; send one message per POST"));
        }
        return sessions.touch(sessionId, principal.id(), null).flatMap(found -> {
            Session session = found.orElseThrow(RequestRejectedException::sessionNotFound);
            ProtocolVersion version =
                    ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST);
            if (!version.allowsBatches()) {
                throw new RequestRejectedException(
                        RequestRejectedException.Reason.INVALID_REQUEST,
                        "JSON-RPC batches are not supported in protocol revision " + version.wire() + " (only in "
                                + ProtocolVersion.V2025_03_26.wire() + "); send one message per POST");
            }
            // In order, so a batch behaves like its messages sent one after another.
            List<JsonRpcResponse> responses = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JsonRpcPayload.Entry entry : entries) {
                // Messages of a batch share one JSON answer, so they cannot stream.
                chain = chain.flatMap(ignored -> handleInSession(entry, sessionId, principal, RequestChannel.NONE)
                        .invoke(response -> {
                            if (response != null) {
                                responses.add(response);
                            }
                        })
                        .replaceWithVoid());
            }
            return chain.map(
                    ignored -> responses.isEmpty() ? new McpReply.Accepted() : new McpReply.Respond(responses, null));
        });
    }

    /** The response to send, or null for a notification or a client's response. */
    private Uni<JsonRpcResponse> handleInSession(
            JsonRpcPayload.Entry entry, String sessionId, Principal principal, RequestChannel channel) {
        if (entry instanceof JsonRpcPayload.Invalid invalid) {
            return inSession(
                    sessionId, principal, null, session -> Uni.createFrom().item(invalid.response()));
        }
        JsonRpcMessage message = ((JsonRpcPayload.Valid) entry).message();
        RegisteredTool tool = message instanceof JsonRpcRequest request ? calledTools.of(request) : null;
        ToolUse use = tool == null ? null : new ToolUse(tool.name(), clock.instant());
        return inSession(sessionId, principal, use, session -> {
            channel.negotiated(ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST));
            if (message instanceof JsonRpcRequest request) {
                Caller caller = Caller.of(session, defaultLogLevel, principal);
                return dispatch(new McpRequest(caller, request, channel, InputAnswers.NONE, tool));
            }
            if (message instanceof JsonRpcNotification notification) {
                return clientMessages.notified(session.id(), notification);
            }
            return clientMessages.answered(session.id(), (JsonRpcResponse) message, channel);
        });
    }

    /**
     * Loads the session for one message, taking one request from its rate-limit allowance in the same round trip
     * (429 when used up), and serves the message in it; 404 when there is no such session. One Mutiny operator (an
     * object and a callback per message), as this runs for every message.
     */
    private Uni<JsonRpcResponse> inSession(
            String sessionId, Principal principal, ToolUse use, Function<Session, Uni<JsonRpcResponse>> serve) {
        return sessions.touch(sessionId, principal.id(), use, rateLimits.sessionAllowance())
                .onItemOrFailure()
                .transformToUni((found, failure) -> {
                    if (failure instanceof AllowanceExceededException used) {
                        return Uni.createFrom().failure(rateLimits.sessionLimited(used.retryAfter()));
                    }
                    if (failure != null) {
                        return Uni.createFrom().failure(failure);
                    }
                    return serve.apply(found.orElseThrow(RequestRejectedException::sessionNotFound));
                });
    }

    private Uni<JsonRpcResponse> dispatch(McpRequest request) {
        JsonRpcRequest message = request.message();
        Caller caller = request.caller();
        return observer.observe(
                message,
                request.tool(),
                Era.SESSION.tag(),
                caller.protocolVersion(),
                caller.sessionId(),
                () -> ErrorResponses.answer(message, () -> result(request)));
    }

    private Uni<?> result(McpRequest request) {
        Optional<McpMethod> known = McpMethod.of(request.message().method());
        if (known.isEmpty()) {
            return sessionMethods.callByName(request);
        }
        return SharedMethods.includes(known.get())
                ? shared.serve(known.get(), request)
                : sessionMethods.serve(known.get(), request);
    }
}
