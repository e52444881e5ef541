package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolResult;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.ToolFailures;
import dev.switchboard.protocol.core.ToolTimeoutException;
import dev.switchboard.protocol.input.CallContext;
import dev.switchboard.protocol.input.InputRequiredException;
import dev.switchboard.protocol.tasks.TaskNegotiation;
import dev.switchboard.protocol.tasks.TaskRunner;
import dev.switchboard.registry.InvalidArgumentsException;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ToolRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;

/** {@code tools/list}, {@code tools/call}, and the article's shorthand of calling a tool by its name. */
@Singleton
public class ToolsHandler {

    /** A JSON-RPC server error: the tool ran and reported a failure (shorthand calls only). */
    static final int TOOL_ERROR = -32000;

    private final ToolRegistry registry;
    private final TaskRunner tasks;
    private final EraCalls eraCalls;
    private final ObjectMapper mapper;
    private final McpMetrics metrics;
    private final AccessGuard access;
    private final int pageSize;
    private final Duration defaultTimeout;

    public ToolsHandler(
            ToolRegistry registry,
            TaskRunner tasks,
            EraCalls eraCalls,
            ObjectMapper mapper,
            McpMetrics metrics,
            AccessGuard access,
            SwitchboardConfig config) {
        this.metrics = metrics;
        metrics.registerTools(
                registry.descriptors().stream().map(ToolDescriptor::name).toList());
        this.access = access;
        this.registry = registry;
        this.tasks = tasks;
        this.eraCalls = eraCalls;
        this.mapper = mapper;
        this.pageSize = config.tools().pageSize();
        this.defaultTimeout = config.tools().timeout();
    }

    public ListToolsResult list(McpRequest request) {
        Pagination.Page<RawValue> page = Pagination.page(
                registry.wire(
                        request.caller().principal(),
                        showsTaskSupport(request.caller()),
                        request.caller().rendersViews()),
                Pagination.cursor(request.message()),
                pageSize);
        return new ListToolsResult(page.items(), page.nextCursor());
    }

    /** Only 2025-11-25 has {@code execution.taskSupport}; 2026-07-28 removed it, with the rest of {@code execution}. */
    private static boolean showsTaskSupport(Caller caller) {
        return ProtocolVersion.V2025_11_25.wire().equals(caller.protocolVersion());
    }

    /**
     * Runs the tool, or starts it as a task and answers with the task; emits nothing (null) when the client cancelled
     * the call.
     */
    public Uni<Object> call(McpRequest request) {
        JsonNode name = request.message().param("name");
        if (!name.isTextual()) {
            throw JsonRpcException.invalidParams("tools/call needs params.name, the name of a tool from tools/list");
        }
        RegisteredTool tool = request.tool();
        if (tool == null) {
            metrics.tool(McpMetrics.UNKNOWN).rejected();
            throw JsonRpcException.invalidParams(
                    "Unknown tool: '" + name.textValue() + "'. Call tools/list for the available tools");
        }
        access.require(request, tool.scopes(), "tool '" + tool.name() + "'");
        JsonNode arguments = request.message().param("arguments");
        if (!arguments.isMissingNode() && !arguments.isNull() && !arguments.isObject()) {
            throw JsonRpcException.invalidParams("params.arguments must be an object");
        }
        TaskNegotiation.AsTask task = TaskNegotiation.decide(request, tool);
        if (task != null) {
            return tasks.start(request, tool, arguments, task.ttl());
        }
        return run(request, tool, context -> (Object) tool.invoke(arguments, context))
                .onFailure()
                .recoverWithUni(failure -> {
                    ToolResult error = ToolFailures.asToolError(failure, request.caller());
                    return error != null
                            ? Uni.createFrom().item(error)
                            : Uni.createFrom().failure(failure);
                });
    }

    /**
     * The original article's form: {@code {"method":"weather.get","params":{...}}} runs the tool with the params
     * as arguments and answers its structured result directly; failures are JSON-RPC errors.
     */
    public Uni<Object> callByName(RegisteredTool tool, McpRequest request) {
        access.require(request, tool.scopes(), "tool '" + tool.name() + "'");
        JsonRpcRequest message = request.message();
        return run(request, tool, context -> {
                    ToolResult result;
                    try {
                        result = tool.toResult(tool.call(message.params(), context));
                    } catch (InvalidArgumentsException e) {
                        throw JsonRpcException.invalidParams(e.getMessage());
                    } catch (ToolException e) {
                        throw new JsonRpcException(TOOL_ERROR, e.getMessage());
                    }
                    if (result.isError()) {
                        throw new JsonRpcException(TOOL_ERROR, result.joinedText());
                    }
                    return result.structuredContent() != null ? result.structuredContent() : result;
                })
                .onFailure(ToolTimeoutException.class)
                .transform(timeout -> new JsonRpcException(TOOL_ERROR, timeout.getMessage()));
    }

    /**
     * Runs a tool on a worker thread (tools may block; the event loop must not), registered for cancellation and
     * bounded by its timeout. A call the client cancelled yields null: no response is sent for it.
     */
    private <T> Uni<T> run(McpRequest request, RegisteredTool tool, Function<CallContext, T> work) {
        if (!tool.blocking()) {
            return runHere(request, tool, work);
        }
        EraCalls.Begun begun = eraCalls.begin(request);
        CallControl control = begun.control();
        // 2026-07-28 has no notifications/cancelled over HTTP: closing the request's stream cancels it.
        request.channel().onClientGone(() -> control.cancel(true));
        CallContext context = new CallContext(
                request.caller(),
                tool.name(),
                CallContext.progressToken(request.message()),
                request.channel(),
                control,
                begun.inputs(),
                mapper,
                null);
        Duration timeout = tool.timeout().orElse(defaultTimeout);
        McpMetrics.ToolMeters meters = metrics.tool(tool.name());
        long start = System.nanoTime();
        return control.onWorker(() -> work.apply(context), tool.name(), timeout)
                .onItemOrFailure()
                .transformToUni((item, failure) -> {
                    meters.record(
                            System.nanoTime() - start,
                            // Asking the client for input (2026-07-28 input_required) is not a failure.
                            (failure != null && !(failure instanceof InputRequiredException))
                                    || (item instanceof ToolResult result && result.isError()));
                    if (control.cancelledByClient()) {
                        return Uni.createFrom().nullItem();
                    }
                    return failure == null
                            ? Uni.createFrom().item(item)
                            : Uni.createFrom().failure(failure);
                })
                .eventually(begun.finish());
    }

    /**
     * Runs a tool that never blocks on the request's own thread: no hop to a worker and back, no timer (it holds the
     * thread until it returns, so it cannot overrun unnoticed), and nothing to cancel mid-call. It gets no progress
     * token and cannot ask the session-era client for input: both may wait on the session's stream.
     */
    private <T> Uni<T> runHere(McpRequest request, RegisteredTool tool, Function<CallContext, T> work) {
        CallContext context = new CallContext(
                request.caller(),
                tool.name(),
                null,
                request.channel(),
                new CallControl(),
                eraCalls.nonBlockingInputs(request),
                mapper,
                null);
        McpMetrics.ToolMeters meters = metrics.tool(tool.name());
        long start = System.nanoTime();
        try {
            T item = work.apply(context);
            meters.record(System.nanoTime() - start, item instanceof ToolResult result && result.isError());
            return Uni.createFrom().item(item);
        } catch (RuntimeException e) {
            meters.record(System.nanoTime() - start, !(e instanceof InputRequiredException));
            return Uni.createFrom().failure(e);
        }
    }
}
