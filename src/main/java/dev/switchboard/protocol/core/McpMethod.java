package dev.switchboard.protocol.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The MCP methods Switchboard serves in either era, by wire name. Dispatch switches over this enum. */
public enum McpMethod {
    INITIALIZE("initialize"),
    PING("ping"),
    TOOLS_LIST("tools/list"),
    TOOLS_CALL("tools/call"),
    LOGGING_SET_LEVEL("logging/setLevel"),
    RESOURCES_LIST("resources/list"),
    RESOURCES_TEMPLATES_LIST("resources/templates/list"),
    RESOURCES_READ("resources/read"),
    /** The Skills extension's listing of a skill's folder (declared as its {@code directoryRead}). */
    RESOURCES_DIRECTORY_READ("resources/directory/read"),
    RESOURCES_SUBSCRIBE("resources/subscribe"),
    RESOURCES_UNSUBSCRIBE("resources/unsubscribe"),
    PROMPTS_LIST("prompts/list"),
    PROMPTS_GET("prompts/get"),
    COMPLETION_COMPLETE("completion/complete"),
    SKILLS_LIST("skills/list"),
    SKILLS_GET("skills/get"),
    SERVER_DISCOVER("server/discover"),
    SUBSCRIPTIONS_LISTEN("subscriptions/listen"),
    TASKS_GET("tasks/get"),
    TASKS_UPDATE("tasks/update"),
    TASKS_CANCEL("tasks/cancel"),
    TASKS_RESULT("tasks/result"),
    TASKS_LIST("tasks/list"),
    NOTIFICATION_INITIALIZED("notifications/initialized"),
    NOTIFICATION_CANCELLED("notifications/cancelled");

    private static final Map<String, McpMethod> BY_WIRE = new HashMap<>();

    static {
        for (McpMethod method : values()) {
            BY_WIRE.put(method.wire, method);
        }
    }

    private final String wire;

    McpMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<McpMethod> of(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
