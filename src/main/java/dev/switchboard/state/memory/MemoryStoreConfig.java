package dev.switchboard.state.memory;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the long-term memory store keeps memories, under {@code switchboard.memory} (the tools' own settings share the
 * prefix). Memories live in the store named by {@code switchboard.sessions.store}, but apart from sessions: they
 * outlive them.
 */
@ConfigMapping(prefix = "switchboard.memory")
public interface MemoryStoreConfig extends CheckedSettings {

    /**
     * How long a memory is kept after it was last stored or returned by {@code memory.recall}. Unused memories are
     * forgotten after this much time.
     */
    @WithDefault("90d")
    Duration retention();

    /**
     * The most memories one scope keeps. Remembering one more forgets the least recently stored or recalled memory
     * (the result names it), so the tool never refuses to remember. Also bounds the work of one recall.
     */
    @WithDefault("1000")
    int maxEntries();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("retention", retention(), Duration.ofSeconds(1));
        problems.atLeast("max-entries", maxEntries(), 1);
    }
}
