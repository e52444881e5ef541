package dev.switchboard.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;

/** One entry of a session's {@code tools_used}: which tool was called, and when. */
@RegisterForReflection
public record ToolUse(String tool, Instant at) {

    public ToolUse {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(at, "at");
    }
}
