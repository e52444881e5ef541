package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What this server offers, announced in {@code initialize}. Absent members are features it lacks. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(Tools tools) {

    /** The tool feature; {@code listChanged} says whether the server notifies changes to the list. */
    @RegisterForReflection
    public record Tools(boolean listChanged) {}
}
