package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.registry.RegisteredTool;
import java.time.Duration;

/**
 * Whether a {@code tools/call} runs as a task, by the tool's task support and what the request's revision lets the
 * client say:
 *
 * <ul>
 *   <li>2025-11-25: the client asks with {@code params.task} (and may give its {@code ttl}); a forbidden tool asked
 *       for a task, or a required one asked for none, is {@code -32601}
 *   <li>2026-07-28: the client opts in per request ({@code _meta} client capabilities, extension
 *       {@code io.modelcontextprotocol/tasks}) and the server decides; a {@code params.task} is ignored; a required
 *       tool without the opt-in is {@code -32021}
 *   <li>earlier revisions have no tasks: optional tools run plainly, required ones are refused
 * </ul>
 */
public final class TaskNegotiation {

    /** A call that runs as a task, with the TTL the client asked for (null for the server's default). */
    public record AsTask(Duration ttl) {}

    private TaskNegotiation() {}

    /** The task to run the call as, or null to answer it in the call's own response. */
    public static AsTask decide(McpRequest request, RegisteredTool tool) {
        TaskSupport support = tool.taskSupport();
        Caller caller = request.caller();
        if (caller.stateless()) {
            boolean optedIn = caller.declaresExtension(ServerCapabilities.TASKS_EXTENSION);
            if (support != TaskSupport.FORBIDDEN && optedIn) {
                return new AsTask(null);
            }
            if (support == TaskSupport.REQUIRED) {
                throw RequestRejectedException.missingTasksExtension(
                        request.message().id(), "tool '" + tool.name() + "' runs only as a task");
            }
            return null;
        }
        boolean tasksRevision = ProtocolVersion.of(caller.protocolVersion())
                .map(ProtocolVersion::hasTasks)
                .orElse(false);
        JsonNode task = request.message().param("task");
        if (!tasksRevision || task.isMissingNode() || task.isNull()) {
            if (support == TaskSupport.REQUIRED) {
                throw new JsonRpcException(
                        JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        "Tool '" + tool.name() + "' runs only as a task: call it with params.task in protocol"
                                + " revision " + ProtocolVersion.V2025_11_25.wire() + " or later");
            }
            return null;
        }
        if (support == TaskSupport.FORBIDDEN) {
            throw new JsonRpcException(
                    JsonRpcErrorCodes.METHOD_NOT_FOUND,
                    "Tool '" + tool.name() + "' does not run as a task (its execution.taskSupport is forbidden);"
                            + " call it without params.task");
        }
        if (!task.isObject()) {
            throw JsonRpcException.invalidParams("params.task must be an object, e.g. {\"ttl\": 60000}");
        }
        JsonNode ttl = task.path("ttl");
        if (ttl.isMissingNode() || ttl.isNull()) {
            return new AsTask(null);
        }
        if (!ttl.canConvertToLong() || !ttl.isIntegralNumber() || ttl.longValue() <= 0) {
            throw JsonRpcException.invalidParams("params.task.ttl must be a positive whole number of milliseconds");
        }
        return new AsTask(Duration.ofMillis(ttl.longValue()));
    }
}
