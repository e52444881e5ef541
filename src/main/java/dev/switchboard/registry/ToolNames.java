package dev.switchboard.registry;

import dev.switchboard.api.Tool;
import java.lang.reflect.Method;

/** How a {@code @Tool} method is named: the build and start-up must agree. */
public final class ToolNames {

    private ToolNames() {}

    /** The annotation's {@code name}, or the method's own name when it gives none. */
    public static String of(Tool tool, Method method) {
        return tool.name().isEmpty() ? method.getName() : tool.name();
    }
}
