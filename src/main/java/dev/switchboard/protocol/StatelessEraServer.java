package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.api.Principal;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.ErrorResponses;
import dev.switchboard.protocol.core.InputAnswers;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.input.InputRequiredException;
import dev.switchboard.protocol.input.InputWire;
import dev.switchboard.protocol.input.RequestStates;
import dev.switchboard.protocol.notify.ListenStreams;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.security.AuthConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the stateless revision 2026-07-28: every request carries its protocol version, client capabilities and
 * client info in {@code _meta}, nothing is remembered between requests, and input the client must give (elicitation,
 * sampling, roots) travels as {@code input_required} results and retries (multi round-trip requests). The feature
 * methods are the session era's ({@link SharedMethods}); this class adds the envelope, the result shape
 * ({@code resultType}, {@code serverInfo}, caching hints), the retry state and its own methods (discovery, listen
 * streams).
 */
@Singleton
public class StatelessEraServer {

    /** The revision this class serves. */
    public static final String VERSION = ProtocolVersion.V2026_07_28.wire();

    private static final Set<McpMethod> RETRYABLE =
            Set.of(McpMethod.TOOLS_CALL, McpMethod.PROMPTS_GET, McpMethod.RESOURCES_READ);

    private final OfferedCapabilities capabilities;
    private final SharedMethods shared;
    private final CalledTools calledTools;
    private final ListenStreams listens;
    private final RequestStates states;
    private final ObjectMapper mapper;
    private final ObjectNode serverInfo;
    private final String instructions;
    private final long listTtlMillis;
    private final String listScope;
    private final RequestObserver observer;

    public StatelessEraServer(
            SharedMethods shared,
            CalledTools calledTools,
            ListenStreams listens,
            RequestStates states,
            ObjectMapper mapper,
            RequestObserver observer,
            OfferedCapabilities capabilities,
            SwitchboardConfig config,
            AuthConfig auth) {
        this.capabilities = capabilities;
        this.observer = observer;
        this.shared = shared;
        this.calledTools = calledTools;
        this.listens = listens;
        this.states = states;
        this.mapper = mapper;
        this.serverInfo = mapper.valueToTree(new Implementation(
                config.server().name(), config.server().title(), config.server().version()));
        this.instructions = config.server().instructions().orElse(null);
        this.listTtlMillis = config.stateless().listTtl().toMillis();
        this.listScope = auth.enabled() ? "private" : "public";
    }

    /** The versions {@code server/discover} advertises and {@code UnsupportedProtocolVersion} errors list. */
    public static List<String> supportedVersions() {
        return ProtocolVersion.supported(Era.STATELESS);
    }

    /**
     * Handles one request.
     *
     * @param paramHeaders the decoded {@code Mcp-Param-*} headers, by lower-case name after the prefix
     * @param principal who sent it: the owner of the workspaces, request state and memories it uses
     * @throws RequestRejectedException when the request is refused as a whole (envelope, method, headers)
     */
    public Uni<McpReply> handle(
            JsonRpcRequest request, Map<String, String> paramHeaders, Principal principal, RequestChannel channel) {
        RegisteredTool tool = calledTools.of(request);
        return observer.observe(
                request,
                tool,
                Era.STATELESS.tag(),
                VERSION,
                null,
                () -> serve(request, tool, paramHeaders, principal, channel));
    }

    private Uni<McpReply> serve(
            JsonRpcRequest request,
            RegisteredTool tool,
            Map<String, String> paramHeaders,
            Principal principal,
            RequestChannel channel) {
        Caller caller = caller(request, principal);
        McpMethod method = McpMethod.of(request.method())
                .filter(StatelessEraServer::servedHere)
                .orElseThrow(() -> methodNotFound(request));
        if (method == McpMethod.TOOLS_CALL && tool != null) { // an unknown tool is answered by tools/call
            MirroredHeaders.check(tool, request, paramHeaders);
        }
        if (method == McpMethod.SUBSCRIPTIONS_LISTEN) {
            return Uni.createFrom()
                    .deferred(() -> listens.listen(new McpRequest(caller, request, channel)))
                    .map(result -> respond(request, shaped(result, null)))
                    .onFailure(JsonRpcException.class)
                    .recoverWithItem(failure -> new McpReply.Respond(ErrorResponses.of(request, failure), null));
        }
        // Built now, in the request's span (a tool's hop to a worker carries it on: WorkerHop). Invalid params, retry
        // state included, are answered in-band (HTTP 200), as method errors are.
        Uni<?> served;
        try {
            served = result(method, new McpRequest(caller, request, channel, retry(method, request, principal), tool));
        } catch (RuntimeException e) {
            served = Uni.createFrom().failure(e);
        }
        return served.map(result -> result == null
                        ? new McpReply.Accepted() // cancelled: the client closed the stream, nothing is sent
                        : respond(request, shaped(result, cacheScope(method))))
                .onFailure(InputRequiredException.class)
                .recoverWithItem(failure ->
                        respond(request, inputRequired(request, principal, (InputRequiredException) failure)))
                .onFailure(MissingClientCapabilityException.class)
                .transform(failure -> RequestRejectedException.missingCapability(
                        request.id(), (MissingClientCapabilityException) failure))
                .onFailure(ErrorResponses::inBand)
                .recoverWithItem(failure -> new McpReply.Respond(ErrorResponses.of(request, failure), null));
    }

    private Uni<?> result(McpMethod method, McpRequest request) {
        return method == McpMethod.SERVER_DISCOVER ? Uni.createFrom().item(discover()) : shared.serve(method, request);
    }

    private static boolean servedHere(McpMethod method) {
        return method == McpMethod.SERVER_DISCOVER
                || method == McpMethod.SUBSCRIPTIONS_LISTEN
                || SharedMethods.includes(method);
    }

    private ObjectNode discover() {
        ObjectNode result = mapper.createObjectNode();
        result.set("supportedVersions", mapper.valueToTree(supportedVersions()));
        result.set("capabilities", mapper.valueToTree(capabilities.of(ProtocolVersion.V2026_07_28)));
        if (instructions != null) {
            result.put("instructions", instructions);
        }
        return result;
    }

    /** The request's envelope: its version was checked by the transport, its capabilities are checked here. */
    private static Caller caller(JsonRpcRequest request, Principal principal) {
        JsonNode meta = request.param("_meta");
        List<String> missing = new ArrayList<>();
        if (!meta.path(MetaKeys.PROTOCOL_VERSION).isTextual()) {
            missing.add(MetaKeys.PROTOCOL_VERSION);
        }
        if (!meta.path(MetaKeys.CLIENT_CAPABILITIES).isObject()) {
            missing.add(MetaKeys.CLIENT_CAPABILITIES);
        }
        if (!missing.isEmpty()) {
            throw new RequestRejectedException(
                    RequestRejectedException.Reason.INVALID_ENVELOPE,
                    "Invalid params: every " + VERSION + " request carries params._meta with "
                            + String.join(" and ", missing) + " (an object for the capabilities, {} for none)",
                    request.id(),
                    null);
        }
        JsonNode level = meta.get(MetaKeys.LOG_LEVEL);
        LogLevel threshold = null;
        if (level != null) {
            threshold = LogLevel.of(level.asText())
                    .orElseThrow(() -> new RequestRejectedException(
                            RequestRejectedException.Reason.INVALID_ENVELOPE,
                            "Invalid params: _meta " + MetaKeys.LOG_LEVEL + " must be a log level such as \"info\"",
                            request.id(),
                            null));
        }
        JsonNode info = meta.get(MetaKeys.CLIENT_INFO);
        return new Caller(
                null,
                VERSION,
                info instanceof ObjectNode object ? object : null,
                (ObjectNode) meta.get(MetaKeys.CLIENT_CAPABILITIES),
                threshold,
                principal);
    }

    /** What a multi round-trip retry brings: the verified state's answers, then the new responses over them. */
    private InputAnswers retry(McpMethod method, JsonRpcRequest request, Principal principal) {
        if (!RETRYABLE.contains(method)) {
            return InputAnswers.NONE;
        }
        JsonNode state = request.param("requestState");
        JsonNode responses = request.param("inputResponses");
        if (state.isMissingNode() && responses.isMissingNode()) {
            return InputAnswers.NONE;
        }
        Map<String, JsonNode> answers = new HashMap<>();
        if (!state.isMissingNode()) {
            if (!state.isTextual()) {
                throw JsonRpcException.invalidParams("params.requestState must be the string the server returned");
            }
            answers.putAll(states.open(state.textValue(), request, principal));
        }
        if (!responses.isMissingNode()) {
            if (!responses.isObject()) {
                throw JsonRpcException.invalidParams(
                        "params.inputResponses must be an object of answers keyed like inputRequests");
            }
            responses.fields().forEachRemaining(entry -> answers.put(entry.getKey(), entry.getValue()));
        }
        return new InputAnswers(answers);
    }

    /** Every result says it is complete and who answered; lists and reads say how long they may be cached. */
    private ObjectNode shaped(Object result, String cacheScope) {
        ObjectNode node = result instanceof ObjectNode object ? object : mapper.valueToTree(result);
        if (!node.has("resultType")) { // a created task says "task"
            node.put("resultType", "complete");
        }
        if (cacheScope != null) {
            node.put("ttlMs", "private".equals(cacheScope) ? 0 : listTtlMillis);
            node.put("cacheScope", cacheScope);
        }
        node.withObject("/_meta").set(MetaKeys.SERVER_INFO, serverInfo);
        return node;
    }

    /**
     * Without authorization, lists are the same for every caller (fixed at build time); with it, each caller sees what
     * its scopes allow, so no shared cache may keep them. Resource contents may be the caller's own.
     */
    private String cacheScope(McpMethod method) {
        return switch (method) {
            case SERVER_DISCOVER -> "public";
            case TOOLS_LIST, PROMPTS_LIST, RESOURCES_LIST, RESOURCES_TEMPLATES_LIST -> listScope;
            case SKILLS_LIST, SKILLS_GET, RESOURCES_DIRECTORY_READ -> "public"; // shipped skills, the same for all
            case RESOURCES_READ -> "private";
            default -> null;
        };
    }

    private ObjectNode inputRequired(JsonRpcRequest request, Principal principal, InputRequiredException needed) {
        ObjectNode result = mapper.createObjectNode().put("resultType", "input_required");
        ObjectNode requests = result.putObject("inputRequests");
        for (InputRequest input : needed.missing()) {
            ObjectNode entry = requests.putObject(input.key()).put("method", InputWire.method(input));
            entry.set("params", InputWire.params(input, VERSION, mapper));
        }
        result.put("requestState", states.issue(request, principal, needed.answered()));
        result.putObject("_meta").set(MetaKeys.SERVER_INFO, serverInfo);
        return result;
    }

    private static RequestRejectedException methodNotFound(JsonRpcRequest request) {
        String method = request.method();
        String hint = McpMethod.of(method).isPresent()
                ? " in protocol revision " + VERSION
                        + (McpMethod.INITIALIZE.wire().equals(method)
                                ? ": there is no handshake; call server/discover, or omit _meta "
                                        + MetaKeys.PROTOCOL_VERSION + " to open a session-era session"
                                : "; it belongs to the session-era revisions")
                : "";
        return new RequestRejectedException(
                RequestRejectedException.Reason.METHOD_NOT_FOUND,
                "Method not found: " + method + hint,
                request.id(),
                null);
    }

    private static McpReply respond(JsonRpcRequest request, ObjectNode result) {
        return new McpReply.Respond(JsonRpcResponse.success(request.id(), result), null);
    }
}
