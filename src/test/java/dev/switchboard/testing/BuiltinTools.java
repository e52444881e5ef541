package dev.switchboard.testing;

import java.util.Set;

/** The tools the production jar ships, by name. */
public final class BuiltinTools {

    public static final Set<String> NAMES = Set.of(
            "calendar.add",
            "calendar.delete",
            "calendar.list",
            "calendar.update",
            "history.tools_used",
            "memory.forget",
            "memory.recall",
            "memory.remember",
            "research",
            "search",
            "weather.get",
            "workspace.open");

    private BuiltinTools() {}
}
