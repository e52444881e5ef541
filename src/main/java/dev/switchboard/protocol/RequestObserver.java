package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.registry.RegisteredTool;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Observes each JSON-RPC request: one span (child of the trace context in {@code params._meta.traceparent} when the
 * client sent one, SEP-414, else of the HTTP server span) and one access-log line. Both carry only bounded, non-secret
 * values: the method and tool when they are known names, a hash of the session id, the outcome; never arguments.
 */
@Singleton
public class RequestObserver {

    /** The access-log category; {@code quarkus.log.category."dev.switchboard.access".level=OFF} silences it. */
    public static final String ACCESS_CATEGORY = "dev.switchboard.access";

    /** MDC keys of the access line, picked up by the JSON log formatter. */
    public static final String MDC_SESSION = "mcp.session";

    public static final String MDC_METHOD = "mcp.method";
    public static final String MDC_TOOL = "mcp.tool";
    public static final String MDC_ERA = "mcp.era";
    public static final String MDC_DURATION = "mcp.duration_ms";
    public static final String MDC_OUTCOME = "mcp.outcome";
    public static final String MDC_ERROR_CODE = "mcp.error_code";

    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    static final AttributeKey<String> SEMCONV_REQUEST_ID = AttributeKey.stringKey("rpc.jsonrpc.request_id");
    static final AttributeKey<Long> ERROR_CODE = AttributeKey.longKey("rpc.jsonrpc.error_code");
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("mcp.tool.name");
    static final AttributeKey<String> ERA = AttributeKey.stringKey("mcp.era");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    static final AttributeKey<String> SESSION = AttributeKey.stringKey("mcp.session.hash");

    private static final Logger ACCESS = Logger.getLogger(ACCESS_CATEGORY);
    private static final String UNKNOWN = McpMetrics.UNKNOWN;
    private static final String NONE = "-";

    private static final TextMapGetter<JsonNode> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonNode meta) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(JsonNode meta, String key) {
            JsonNode value = meta == null ? null : meta.get(key);
            return value != null && value.isTextual() ? value.textValue() : null;
        }
    };

    private final Tracer tracer;
    private final boolean tracing;

    /**
     * @param sdkDisabled Quarkus 3.33 still hands out a live SDK tracer when {@code quarkus.otel.sdk.disabled} is
     *     true (every request got a sampled span): with tracing off, no span is made at all
     */
    public RequestObserver(
            Tracer tracer,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.tracer = tracer;
        this.tracing = !sdkDisabled;
    }

    /**
     * Runs {@code work} for {@code request} inside its span, then logs the access line.
     *
     * @param calledTool the tool the request calls ({@link CalledTools}), or null
     * @param era the {@link Era#tag() tag} of the request's era
     * @param protocolVersion the revision the request is served under, or null when not known yet
     * @param sessionId the session, or null (stateless; initialize answers with the new session's id)
     * @param work yields a {@link JsonRpcResponse} or a {@link McpReply}; null when the call was cancelled
     */
    public <T> Uni<T> observe(
            JsonRpcRequest request,
            RegisteredTool calledTool,
            String era,
            String protocolVersion,
            String sessionId,
            Supplier<Uni<T>> work) {
        if (!tracing && !ACCESS.isInfoEnabled()) {
            // neither a span nor an access line: nothing to name, hash, time or watch
            try {
                return work.get();
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }
        String method = method(request.method(), calledTool);
        String tool = tool(request, calledTool);
        long start = System.nanoTime();
        String sessionHash = sessionId == null ? null : hash(sessionId);
        Span span = tracing ? start(request, method, tool, era, protocolVersion, sessionHash) : Span.getInvalid();
        Uni<T> running;
        // The span is current while the request's handler builds (and, for synchronous handlers, runs) its work.
        try (Scope ignored = tracing ? span.makeCurrent() : Scope.noop()) {
            running = work.get();
        } catch (RuntimeException e) {
            running = Uni.createFrom().failure(e);
        }
        return running.onItemOrFailure().invoke((item, failure) -> {
            Integer code = failure != null ? codeOf(failure) : codeOf(item);
            String session = sessionHash != null ? sessionHash : hashOrNull(createdSession(item));
            if (code != null) {
                span.setAttribute(ERROR_CODE, (long) code);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            if (ACCESS.isInfoEnabled()) {
                String outcome =
                        code != null ? "error" : item == null || item instanceof McpReply.Accepted ? "cancelled" : "ok";
                access(
                        span.getSpanContext(),
                        method,
                        tool,
                        era,
                        session,
                        (System.nanoTime() - start) / 1_000_000,
                        outcome,
                        code);
            }
        });
    }

    private Span start(
            JsonRpcRequest request, String method, String tool, String era, String version, String sessionHash) {
        Context current = Context.current();
        Context fromMeta =
                W3CTraceContextPropagator.getInstance().extract(Context.root(), request.param("_meta"), META);
        SpanContext remote = Span.fromContext(fromMeta).getSpanContext();
        var builder = tracer.spanBuilder(method)
                .setAttribute(RPC_SYSTEM, "jsonrpc")
                .setAttribute(RPC_METHOD, method)
                .setAttribute(REQUEST_ID, request.id().value().asText())
                .setAttribute(SEMCONV_REQUEST_ID, request.id().value().asText())
                .setAttribute(ERA, era);
        if (remote.isValid()) {
            // The client's own trace (SEP-414) wins; the HTTP span stays reachable through a link.
            builder.setParent(fromMeta).setSpanKind(SpanKind.SERVER);
            SpanContext http = Span.fromContext(current).getSpanContext();
            if (http.isValid()) {
                builder.addLink(http);
            }
        } else {
            builder.setParent(current).setSpanKind(SpanKind.INTERNAL);
        }
        if (tool != null) {
            builder.setAttribute(TOOL_NAME, tool);
        }
        if (version != null) {
            builder.setAttribute(PROTOCOL_VERSION, version);
        }
        if (sessionHash != null) {
            builder.setAttribute(SESSION, sessionHash);
        }
        return builder.startSpan();
    }

    private void access(
            SpanContext trace,
            String method,
            String tool,
            String era,
            String sessionHash,
            long millis,
            String outcome,
            Integer code) {
        String session = sessionHash == null ? NONE : sessionHash;
        String toolName = tool == null ? NONE : tool;
        MDC.put(MDC_SESSION, session);
        MDC.put(MDC_METHOD, method);
        MDC.put(MDC_TOOL, toolName);
        MDC.put(MDC_ERA, era);
        MDC.put(MDC_DURATION, Long.toString(millis));
        MDC.put(MDC_OUTCOME, outcome);
        if (code != null) {
            MDC.put(MDC_ERROR_CODE, code.toString());
        }
        if (trace.isValid()) {
            MDC.put("traceId", trace.getTraceId());
            MDC.put("spanId", trace.getSpanId());
        }
        try {
            ACCESS.infof(
                    "%s tool=%s session=%s era=%s duration_ms=%d outcome=%s%s",
                    method, toolName, session, era, millis, outcome, code == null ? "" : " code=" + code);
        } finally {
            MDC.remove(MDC_SESSION);
            MDC.remove(MDC_METHOD);
            MDC.remove(MDC_TOOL);
            MDC.remove(MDC_ERA);
            MDC.remove(MDC_DURATION);
            MDC.remove(MDC_OUTCOME);
            MDC.remove(MDC_ERROR_CODE);
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /** The method when it is a protocol method or a tool's shorthand name; anything else is user input. */
    private static String method(String method, RegisteredTool calledTool) {
        return calledTool != null || McpMethod.of(method).isPresent() ? method : UNKNOWN;
    }

    /** The tool a request calls, by {@code tools/call} or the shorthand; {@code unknown} for unregistered names. */
    private static String tool(JsonRpcRequest request, RegisteredTool calledTool) {
        if (calledTool != null) {
            return calledTool.name();
        }
        return McpMethod.TOOLS_CALL.wire().equals(request.method()) ? UNKNOWN : null;
    }

    private static Integer codeOf(Object item) {
        if (item instanceof McpReply.Respond respond) {
            item = respond.body();
        }
        if (item instanceof JsonRpcResponse response && response.error() != null) {
            return response.error().code();
        }
        return null;
    }

    private static Integer codeOf(Throwable failure) {
        if (failure instanceof RequestRejectedException rejected) {
            return rejected.code();
        }
        if (failure instanceof JsonRpcException rpc) {
            return rpc.code();
        }
        return JsonRpcErrorCodes.INTERNAL_ERROR;
    }

    private static String createdSession(Object item) {
        return item instanceof McpReply.Respond respond ? respond.sessionId() : null;
    }

    private static String hashOrNull(String sessionId) {
        return sessionId == null ? null : hash(sessionId);
    }

    /** The first 12 hex digits of the SHA-256 of a session id: correlates log lines without revealing the id. */
    public static String hash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
