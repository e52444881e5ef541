package dev.switchboard.protocol;

import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.tasks.TasksHandler;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/**
 * The methods both eras serve the same way, dispatched to the feature handlers. Each era's server handles its own
 * methods (sessions, logging and subscriptions; discovery and listen streams) and hands the rest here, so a feature
 * method is wired once.
 */
@Singleton
public class SharedMethods {

    private static final Set<McpMethod> METHODS = EnumSet.of(
            McpMethod.TOOLS_LIST,
            McpMethod.TOOLS_CALL,
            McpMethod.RESOURCES_LIST,
            McpMethod.RESOURCES_TEMPLATES_LIST,
            McpMethod.RESOURCES_READ,
            McpMethod.PROMPTS_LIST,
            McpMethod.PROMPTS_GET,
            McpMethod.COMPLETION_COMPLETE,
            McpMethod.SKILLS_LIST,
            McpMethod.SKILLS_GET,
            McpMethod.RESOURCES_DIRECTORY_READ,
            McpMethod.TASKS_GET,
            McpMethod.TASKS_UPDATE,
            McpMethod.TASKS_CANCEL,
            McpMethod.TASKS_RESULT,
            McpMethod.TASKS_LIST);

    private final ToolsHandler tools;
    private final ResourcesHandler resources;
    private final PromptsHandler prompts;
    private final CompletionHandler completion;
    private final TasksHandler tasks;
    private final SkillsHandler skills;

    public SharedMethods(
            ToolsHandler tools,
            ResourcesHandler resources,
            PromptsHandler prompts,
            CompletionHandler completion,
            TasksHandler tasks,
            SkillsHandler skills) {
        this.tasks = tasks;
        this.skills = skills;
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
        this.completion = completion;
    }

    /** Whether {@code method} is one of the methods served here. */
    public static boolean includes(McpMethod method) {
        return METHODS.contains(method);
    }

    /** The result of a method {@link #includes included} here: a result record, or null when a call was cancelled. */
    public Uni<?> serve(McpMethod method, McpRequest request) {
        return switch (method) {
            case TOOLS_LIST -> Uni.createFrom().item(tools.list(request));
            case TOOLS_CALL -> tools.call(request);
            case RESOURCES_LIST -> Uni.createFrom().item(resources.list(request));
            case RESOURCES_TEMPLATES_LIST -> Uni.createFrom().item(resources.templates(request));
            case RESOURCES_READ -> resources.read(request);
            case PROMPTS_LIST -> Uni.createFrom().item(prompts.list(request));
            case PROMPTS_GET -> prompts.get(request);
            case COMPLETION_COMPLETE -> Uni.createFrom().item(completion.complete(request));
            case SKILLS_LIST -> Uni.createFrom().item(skills.list(request));
            case SKILLS_GET -> Uni.createFrom().item(skills.get(request));
            case RESOURCES_DIRECTORY_READ -> Uni.createFrom().item(skills.directory(request));
            // Each era serves its own tasks/* methods; the handler refuses the others.
            case TASKS_GET, TASKS_UPDATE, TASKS_CANCEL, TASKS_RESULT, TASKS_LIST -> tasks.serve(method, request);
            default -> throw new IllegalArgumentException(method.wire() + " is not served alike by both eras");
        };
    }
}
