package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.tool.ToolException;
import dev.switchboard.tool.ToolResult;
import dev.switchboard.tool.registry.InvalidArgumentsException;
import dev.switchboard.tool.registry.RegisteredTool;
import dev.switchboard.tool.registry.ToolDescriptor;
import dev.switchboard.tool.registry.ToolRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** {@code tools/list}, {@code tools/call}, and the article's shorthand of calling a tool by its name. */
@ApplicationScoped
public class ToolsHandler {

    /** A JSON-RPC server error: the tool ran and reported a failure (shorthand calls only). */
    static final int TOOL_ERROR = -32000;

    private final ToolRegistry registry;
    private final int pageSize;

    public ToolsHandler(ToolRegistry registry, SwitchboardConfig config) {
        this.registry = registry;
        this.pageSize = config.tools().pageSize();
    }

    public ListToolsResult list(McpRequest request) {
        JsonNode cursor = request.message().param("cursor");
        if (!cursor.isMissingNode() && !cursor.isNull() && !cursor.isTextual()) {
            throw JsonRpcException.invalidParams("params.cursor must be a string");
        }
        Pagination.Page<ToolDescriptor> page = Pagination.page(registry.descriptors(), cursor.textValue(), pageSize);
        return new ListToolsResult(page.items(), page.nextCursor());
    }

    /** The tool a {@code tools/call} request names, or null when the name is missing or unknown. */
    public String calledTool(JsonRpcRequest request) {
        String name = request.param("name").textValue();
        return name != null && registry.contains(name) ? name : null;
    }

    public Uni<ToolResult> call(McpRequest request) {
        JsonNode name = request.message().param("name");
        if (!name.isTextual()) {
            throw JsonRpcException.invalidParams("tools/call needs params.name, the name of a tool from tools/list");
        }
        RegisteredTool tool = registry.find(name.textValue())
                .orElseThrow(() -> JsonRpcException.invalidParams(
                        "Unknown tool: '" + name.textValue() + "'. Call tools/list for the available tools"));
        JsonNode arguments = request.message().param("arguments");
        if (!arguments.isMissingNode() && !arguments.isNull() && !arguments.isObject()) {
            throw JsonRpcException.invalidParams("params.arguments must be an object");
        }
        SessionToolContext context = context(request, tool);
        return onWorker(() -> tool.invoke(arguments, context));
    }

    /**
     * The original article's form: {@code {"method":"weather.get","params":{...}}} runs the tool with the params
     * as arguments and answers its structured result directly; failures are JSON-RPC errors.
     */
    public Uni<Object> callByName(RegisteredTool tool, McpRequest request) {
        SessionToolContext context = context(request, tool);
        JsonRpcRequest message = request.message();
        return onWorker(() -> {
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
        });
    }

    /** Tools may block, so they run on a worker thread, never on the event loop. */
    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static SessionToolContext context(McpRequest request, RegisteredTool tool) {
        return new SessionToolContext(request.session().id(), request.session().protocolVersion(), tool.name());
    }
}
