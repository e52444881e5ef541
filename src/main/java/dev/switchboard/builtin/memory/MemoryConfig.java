package dev.switchboard.builtin.memory;

import dev.switchboard.api.memory.MemoryScope;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of the long-term memory tools ({@code memory.remember}, {@code memory.recall}, {@code memory.forget}),
 * under {@code switchboard.memory}; how long and how many memories are kept is the store's part of the prefix
 * ({@code MemoryStoreConfig}).
 */
@ConfigMapping(prefix = "switchboard.memory")
public interface MemoryConfig {

    /**
     * The scope every caller's memories are kept under, until callers are authenticated (then each principal gets
     * its own scope). Deployments sharing one Redis keep their memories apart with different namespaces. Any
     * characters except whitespace, braces and control characters, at most 200.
     */
    @WithDefault("default")
    @Pattern(regexp = MemoryScope.ID_PATTERN)
    String namespace();

    /** The longest text {@code memory.remember} accepts, in characters; longer texts are refused. */
    @WithDefault("2000")
    @Min(1)
    int maxTextLength();
}
