package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What this server offers, announced in {@code initialize}. Absent members are features it lacks. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(Tools tools, Resources resources, Prompts prompts, Empty logging, Empty completions) {

    /** Everything Switchboard serves. Lists are fixed at build time, so they never change. */
    public static final ServerCapabilities ALL = new ServerCapabilities(
            new Tools(false), new Resources(true, true), new Prompts(false), new Empty(), new Empty());

    @RegisterForReflection
    public record Tools(boolean listChanged) {}

    /** {@code listChanged}: {@link dev.switchboard.api.ResourceNotifier#listChanged()} notifies it. */
    @RegisterForReflection
    public record Resources(boolean subscribe, boolean listChanged) {}

    @RegisterForReflection
    public record Prompts(boolean listChanged) {}

    /** A capability without options: {@code {}}. */
    @RegisterForReflection
    public record Empty() {}
}
