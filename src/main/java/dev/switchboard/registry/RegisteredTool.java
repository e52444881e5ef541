package dev.switchboard.registry;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.TextContent;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A tool bound to its bean at start-up: its descriptor (serialised once), argument binding and result conversion. */
public final class RegisteredTool {

    private final ToolDescriptor descriptor;
    private final Class<?> beanClass;
    private final ToolInvoker invoker;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final List<HeaderParam> headerParams;
    private final Set<String> scopes;
    private final ViewLink view;
    /** The descriptor as each revision and client sees it, by {@link #shape}. */
    private final RawValue[] wire = new RawValue[4];

    private final boolean blocking;
    private final boolean wrapsResult;
    private final TaskSupport taskSupport;

    RegisteredTool(GeneratedTool tool, Class<?> beanClass, ToolInvoker invoker, ObjectMapper mapper) {
        this.descriptor = tool.descriptor();
        this.view = tool.view();
        // Descriptors never change: serialised once here (UTF-8 bytes cached), every tools/list page copies them.
        for (boolean withTasks : new boolean[] {false, true}) {
            for (boolean withViews : new boolean[] {false, true}) {
                ToolDescriptor shown = withTasks ? descriptor : descriptor.withoutExecution();
                wire[shape(withTasks, withViews)] = serialised(shown, withViews ? view : null, mapper);
            }
        }
        this.beanClass = beanClass;
        this.invoker = invoker;
        this.mapper = mapper;
        this.timeout = tool.timeoutSeconds() > 0 ? Duration.ofSeconds(tool.timeoutSeconds()) : null;
        this.headerParams = HeaderParam.of(descriptor.name(), descriptor.inputSchema());
        this.scopes = tool.scopes();
        this.blocking = invoker.blocking();
        this.wrapsResult = tool.wrapsResult();
        this.taskSupport = descriptor.taskSupport();
    }

    /** A tool of another source (an upstream server), called as it is; its arguments are the source's to check. */
    static RegisteredTool mounted(MountedTool tool, ObjectMapper mapper) {
        GeneratedTool generated = new GeneratedTool(
                tool.descriptor(),
                null,
                null,
                List.of(),
                null,
                true,
                false,
                Math.max(1, tool.timeout().toSeconds()),
                tool.scopes(),
                false,
                tool.view());
        ToolInvoker invoker = new ToolInvoker() {
            @Override
            public Object invoke(JsonNode arguments, ToolContext context) {
                return tool.call().call(arguments, context);
            }

            @Override
            public boolean blocking() {
                return true;
            }
        };
        return new RegisteredTool(generated, null, invoker, mapper);
    }

    public String name() {
        return descriptor.name();
    }

    /** Whether the tool may block, so it runs on a worker thread ({@code @Tool(blocking = false)} says it does not). */
    public boolean blocking() {
        return blocking;
    }

    /** Whether a call may run as a task ({@code taskSupport} of {@code @Tool}). */
    public TaskSupport taskSupport() {
        return taskSupport;
    }

    public ToolDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The descriptor as {@code tools/list} sends it, serialised at start-up.
     *
     * @param withTasks with {@code execution.taskSupport}, a field of revision 2025-11-25 only
     * @param withViews with the view in {@code _meta.ui}, for clients that render views (MCP Apps)
     */
    public RawValue wire(boolean withTasks, boolean withViews) {
        return wire[shape(withTasks, withViews)];
    }

    /** The tool's view, if it has one. */
    public Optional<ViewLink> view() {
        return Optional.ofNullable(view);
    }

    /** Whether the tool is for its view alone (MCP Apps {@code visibility: ["app"]}), hidden from the model. */
    public boolean appOnly() {
        return view != null && view.appOnly();
    }

    static int shape(boolean withTasks, boolean withViews) {
        return (withTasks ? 1 : 0) + (withViews ? 2 : 0);
    }

    private static RawValue serialised(ToolDescriptor descriptor, ViewLink view, ObjectMapper mapper) {
        try {
            if (view == null) {
                return new RawValue(new SerializedString(mapper.writeValueAsString(descriptor)));
            }
            ObjectNode tree = mapper.valueToTree(descriptor);
            tree.putObject("_meta").set("ui", mapper.valueToTree(view));
            return new RawValue(new SerializedString(mapper.writeValueAsString(tree)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Tool " + descriptor.name() + " cannot be described as JSON", e);
        }
    }

    public Class<?> beanClass() {
        return beanClass;
    }

    /** Arguments mirrored into {@code Mcp-Param-*} headers (2026-07-28). */
    public List<HeaderParam> headerParams() {
        return headerParams;
    }

    /** The scopes a caller needs to see and call it ({@code @RequiresScopes}); empty for none. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The tool's own time limit, or empty to use the server default. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Binds and validates the arguments, runs the tool and converts what it returned. Runs on the caller's thread,
     * which may block.
     *
     * @return the result; argument and {@link ToolException} failures are results with {@code isError: true}
     * @throws RuntimeException any other failure of the tool, for the caller to log and answer as internal
     */
    public ToolResult invoke(JsonNode json, ToolContext context) {
        try {
            return toResult(call(json, context));
        } catch (MissingClientCapabilityException e) {
            throw e; // the protocol layer answers it as the client's revision says
        } catch (ToolException e) {
            return ToolResult.error(e.getMessage());
        }
    }

    /**
     * Binds and validates the arguments and runs the tool, returning what it returned.
     *
     * @throws InvalidArgumentsException when the arguments do not fit
     * @throws ToolException when the tool reports a failure
     */
    public Object call(JsonNode json, ToolContext context) {
        return invoker.invoke(json, context);
    }

    /** Converts what a tool returned into the MCP result. */
    public ToolResult toResult(Object result) {
        if (result instanceof ToolResult toolResult) {
            return toolResult;
        }
        if (result == null) {
            return ToolResult.text("");
        }
        if (result instanceof String text) {
            return ToolResult.text(text);
        }
        String structured = wrapsResult ? "{\"result\":" + json(result) + "}" : json(result);
        // Clients before 2025-06-18 only read content, so the structured result is repeated there as JSON text. Written
        // once: structuredContent goes out as those same bytes (a raw value), not as a tree serialised a second time.
        return new ToolResult(List.of(new TextContent(structured)), new RawValue(structured), false);
    }

    private String json(Object result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Tool " + descriptor.name() + " returned a "
                            + result.getClass().getName() + " that cannot be written as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
