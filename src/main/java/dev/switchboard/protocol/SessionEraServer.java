package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.security.limits.RequestRateLimits;
import dev.switchboard.security.limits.SessionAdmission;
import dev.switchboard.session.AllowanceExceededException;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionStore;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves the session-based revisions (2024-11-05 to 2025-11-25): opens sessions on {@code initialize}, checks the
 * session of every later message, and dispatches requests to one handler per feature.
 *
 * <p>Each message costs one session-store round trip: loading the session, restarting its TTL and, for a tool call,
 * recording it in {@code tools_used} happen in one {@link SessionStore#touch} call.
 */
@ApplicationScoped
public class SessionEraServer {

    private final SessionStore sessions;
    private final LifecycleHandler lifecycle;
    private final ToolsHandler tools;
    private final LoggingHandler logging;
    private final ResourcesHandler resources;
    private final SharedMethods shared;
    private final ToolRegistry registry;
    private final RunningCalls running;
    private final ClientRequests clientRequests;
    private final Clock clock;
    private final StreamHub hub;
    private final ResourceSubscriptions subscriptions;
    private final LogLevel defaultLogLevel;
    private final RequestObserver observer;
    private final SessionAdmission admission;
    private final RequestRateLimits rateLimits;

    public SessionEraServer(
            SessionStore sessions,
            LifecycleHandler lifecycle,
            ToolsHandler tools,
            LoggingHandler logging,
            ResourcesHandler resources,
            SharedMethods shared,
            ToolRegistry registry,
            RunningCalls running,
            ClientRequests clientRequests,
            Clock clock,
            StreamHub hub,
            ResourceSubscriptions subscriptions,
            RequestObserver observer,
            SessionAdmission admission,
            RequestRateLimits rateLimits,
            SwitchboardConfig config) {
        this.admission = admission;
        this.rateLimits = rateLimits;
        this.observer = observer;
        this.defaultLogLevel = LogLevel.of(config.logging().defaultLevel())
                .orElseThrow(() -> new IllegalArgumentException("switchboard.logging.default-level must be one of"
                        + " debug, info, notice, warning, error, critical, alert, emergency"));
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.tools = tools;
        this.logging = logging;
        this.resources = resources;
        this.shared = shared;
        this.registry = registry;
        this.running = running;
        this.clientRequests = clientRequests;
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

    /**
     * Ends a session ({@code DELETE}): its stored state, streams and subscriptions. False when it did not exist or
     * belongs to another principal.
     */
    public Uni<Boolean> end(String sessionId, Principal principal) {
        return sessions.delete(sessionId, principal.id())
                .call(existed -> existed
                        ? ended(sessionId, principal.id())
                        : Uni.createFrom().voidItem());
    }

    /** Ends a session whoever owns it (the console) as {@link #end} does for its owner: its next request gets 404. */
    public Uni<Boolean> endAny(String sessionId) {
        return sessions.end(sessionId)
                .call(owner -> owner.isEmpty() ? Uni.createFrom().voidItem() : ended(sessionId, owner.get()))
                .map(Optional::isPresent);
    }

    private Uni<Void> ended(String sessionId, String owner) {
        hub.dropSession(sessionId);
        return admission.release(owner, sessionId);
    }

    private Uni<McpReply> initialize(JsonRpcRequest request, Principal principal) {
        return observer.observe(
                request,
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
            return touch(sessionId, principal, null).map(found -> {
                found.orElseThrow(RequestRejectedException::sessionNotFound);
                return invalid.response();
            });
        }
        JsonRpcMessage message = ((JsonRpcPayload.Valid) entry).message();
        ToolUse use = message instanceof JsonRpcRequest request ? toolUse(request) : null;
        return touch(sessionId, principal, use).flatMap(found -> {
            Session session = found.orElseThrow(RequestRejectedException::sessionNotFound);
            channel.negotiated(ProtocolVersion.of(session.protocolVersion()).orElse(ProtocolVersion.LATEST));
            if (message instanceof JsonRpcRequest request) {
                return dispatch(new McpRequest(Caller.of(session, defaultLogLevel, principal), request, channel));
            }
            if (message instanceof JsonRpcNotification notification) {
                return notified(session, notification);
            }
            JsonRpcResponse answer = (JsonRpcResponse) message;
            return clientRequests.complete(session.id(), answer).map(routed -> {
                // A lone answer nobody waits for is refused (HTTP 400); inside a batch it is dropped.
                if (!routed && channel != RequestChannel.NONE) {
                    throw new RequestRejectedException(
                            RequestRejectedException.Reason.INVALID_REQUEST,
                            "No request " + answer.id() + " is waiting for this answer: it is unknown, was already"
                                    + " answered, or its deadline passed");
                }
                return null;
            });
        });
    }

    /**
     * Loads the session for one message, taking one request from its rate-limit allowance in the same round trip
     * (429 when used up).
     */
    private Uni<Optional<Session>> touch(String sessionId, Principal principal, ToolUse use) {
        return sessions.touch(sessionId, principal.id(), use, rateLimits.sessionAllowance())
                .onFailure(AllowanceExceededException.class)
                .transform(used -> rateLimits.sessionLimited(((AllowanceExceededException) used).retryAfter()));
    }

    private Uni<JsonRpcResponse> dispatch(McpRequest request) {
        JsonRpcRequest message = request.message();
        Caller caller = request.caller();
        return observer.observe(
                message,
                Era.SESSION.tag(),
                caller.protocolVersion(),
                caller.sessionId(),
                () -> ErrorResponses.answer(message, () -> result(request)));
    }

    private Uni<?> result(McpRequest request) {
        String method = request.message().method();
        Optional<McpMethod> known = McpMethod.of(method);
        if (known.isEmpty()) {
            RegisteredTool tool = registry.find(method).orElseThrow(() -> JsonRpcException.methodNotFound(method));
            return tools.callByName(tool, request);
        }
        return switch (known.get()) {
            case PING -> Uni.createFrom().item(EmptyResult.INSTANCE);
            case LOGGING_SET_LEVEL -> logging.setLevel(request);
            case RESOURCES_SUBSCRIBE -> resources.subscribe(request);
            case RESOURCES_UNSUBSCRIBE -> resources.unsubscribe(request);
            case INITIALIZE ->
                throw JsonRpcException.invalidRequest("initialize must be sent without an Mcp-Session-Id header");
            case SERVER_DISCOVER, SUBSCRIPTIONS_LISTEN ->
                throw new JsonRpcException(
                        JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        method + " belongs to protocol revision " + StatelessEraServer.VERSION
                                + ": send it without a session, with _meta io.modelcontextprotocol/protocolVersion");
            case NOTIFICATION_INITIALIZED, NOTIFICATION_CANCELLED ->
                throw JsonRpcException.invalidRequest(method + " is a notification: send it without an id");
            default -> shared.serve(known.get(), request);
        };
    }

    private Uni<JsonRpcResponse> notified(Session session, JsonRpcNotification notification) {
        // initialized needs no action: requests are served as soon as the session exists. Unknown notifications are
        // ignored, as JSON-RPC asks.
        if (McpMethod.NOTIFICATION_CANCELLED.wire().equals(notification.method()) && notification.params() != null) {
            JsonNode requestId = notification.params().get("requestId");
            if (requestId != null && (requestId.isTextual() || requestId.isIntegralNumber())) {
                running.cancel(session.id(), new JsonRpcId(requestId));
            }
        }
        return Uni.createFrom().nullItem();
    }

    private ToolUse toolUse(JsonRpcRequest request) {
        String tool = McpMethod.TOOLS_CALL.wire().equals(request.method())
                ? tools.calledTool(request)
                : registry.contains(request.method()) ? request.method() : null;
        return tool == null ? null : new ToolUse(tool, clock.instant());
    }
}
