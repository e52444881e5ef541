package dev.switchboard.protocol.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * What this server offers, announced in {@code initialize} and {@code server/discover}. Absent members are features it
 * lacks. Tasks are announced as each revision names them: the {@code tasks} capability in 2025-11-25, the
 * {@code io.modelcontextprotocol/tasks} extension in 2026-07-28.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(
        Tools tools,
        Resources resources,
        Prompts prompts,
        Empty logging,
        Empty completions,
        Tasks tasks,
        Map<String, Object> extensions) {

    /** The id of the 2026-07-28 tasks extension, in capabilities and in {@code requiredCapabilities}. */
    public static final String TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

    /** The id of the MCP Apps extension (interactive views for tools), in capabilities. */
    public static final String APPS_EXTENSION = "io.modelcontextprotocol/ui";

    /** The MIME type of an MCP Apps HTML view, which a client lists in the extension's {@code mimeTypes}. */
    public static final String APPS_MIME_TYPE = "text/html;profile=mcp-app";

    /**
     * Everything Switchboard serves before tasks. Prompts are fixed at build time; the tool list changes only when an
     * upstream server's tools do.
     */
    private static final ServerCapabilities BASE = new ServerCapabilities(
            new Tools(false), new Resources(true, true), new Prompts(false), new Empty(), new Empty(), null, null);

    private static final ServerCapabilities WITH_TASKS = new ServerCapabilities(
            BASE.tools,
            BASE.resources,
            BASE.prompts,
            BASE.logging,
            BASE.completions,
            new Tasks(new Empty(), new Empty(), new TaskRequests(new ToolRequests(new Empty()))),
            null);

    private static final ServerCapabilities WITH_TASKS_EXTENSION = new ServerCapabilities(
            BASE.tools,
            BASE.resources,
            BASE.prompts,
            BASE.logging,
            BASE.completions,
            null,
            Map.of(TASKS_EXTENSION, new Empty()));

    /**
     * What a client of {@code version} is told.
     *
     * @param toolsListChanged whether the tool list may change (an upstream server is configured)
     */
    public static ServerCapabilities of(ProtocolVersion version, boolean toolsListChanged) {
        ServerCapabilities fixed = of(version);
        return toolsListChanged
                ? new ServerCapabilities(
                        new Tools(true),
                        fixed.resources,
                        fixed.prompts,
                        fixed.logging,
                        fixed.completions,
                        fixed.tasks,
                        fixed.extensions)
                : fixed;
    }

    /** These capabilities with the extension {@code id} declared too (no settings). */
    public ServerCapabilities withExtension(String id) {
        return withExtension(id, new Empty());
    }

    /** These capabilities with the extension {@code id} declared too, with its settings object. */
    public ServerCapabilities withExtension(String id, Object settings) {
        java.util.Map<String, Object> all = new java.util.TreeMap<>(extensions == null ? Map.of() : extensions);
        all.put(id, settings);
        return new ServerCapabilities(tools, resources, prompts, logging, completions, tasks, Map.copyOf(all));
    }

    private static ServerCapabilities of(ProtocolVersion version) {
        return switch (version) {
            case V2025_11_25 -> WITH_TASKS;
            case V2026_07_28 -> WITH_TASKS_EXTENSION;
            default -> BASE;
        };
    }

    @RegisterForReflection
    public record Tools(boolean listChanged) {}

    /** {@code listChanged}: {@link dev.switchboard.api.ResourceNotifier#listChanged()} notifies it. */
    @RegisterForReflection
    public record Resources(boolean subscribe, boolean listChanged) {}

    @RegisterForReflection
    public record Prompts(boolean listChanged) {}

    /** 2025-11-25: tasks can be listed and cancelled, and {@code tools/call} can run as one. */
    @RegisterForReflection
    public record Tasks(Empty list, Empty cancel, TaskRequests requests) {}

    @RegisterForReflection
    public record TaskRequests(ToolRequests tools) {}

    @RegisterForReflection
    public record ToolRequests(Empty call) {}

    /** A capability without options: {@code {}}. */
    @RegisterForReflection
    public record Empty() {}
}
