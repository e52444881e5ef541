package dev.switchboard.builtin.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Settings of the long-term memory tools ({@code memory.remember}, {@code memory.recall}, {@code memory.forget}),
 * under {@code switchboard.memory}. Memories live in the store named by {@code switchboard.sessions.store}, but apart
 * from sessions: they outlive them.
 */
@ConfigMapping(prefix = "switchboard.memory")
public interface MemoryConfig {

    /**
     * How long a memory is kept after it was last stored or returned by {@code memory.recall}. Unused memories are
     * forgotten after this much time.
     */
    @WithDefault("90d")
    @DurationMin(seconds = 1)
    Duration retention();

    /**
     * The scope every caller's memories are kept under, until callers are authenticated (then each principal gets
     * its own scope). Deployments sharing one Redis keep their memories apart with different namespaces. Any
     * characters except whitespace, braces and control characters, at most 200.
     */
    @WithDefault("default")
    @Pattern(regexp = MemoryScope.ID_PATTERN)
    String namespace();

    /**
     * The most memories one scope keeps. Remembering one more forgets the least recently stored or recalled memory
     * (the result names it), so the tool never refuses to remember. Also bounds the work of one recall.
     */
    @WithDefault("1000")
    @Min(1)
    int maxEntries();

    /** The longest text {@code memory.remember} accepts, in characters; longer texts are refused. */
    @WithDefault("2000")
    @Min(1)
    int maxTextLength();
}
