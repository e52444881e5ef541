package dev.switchboard.api.memory;

import dev.switchboard.api.Description;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One remembered piece of text, as stored and as returned by the memory tools. */
public record Memory(
        @Description("The memory's id (random)") String id,

        @Description("What was remembered") String text,

        @Description("Lower-case labels given when it was remembered")
        List<String> tags,

        @Description("When it was remembered, ISO-8601 UTC") Instant storedAt) {

    public Memory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        tags = tags == null ? List.of() : List.copyOf(tags);
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
