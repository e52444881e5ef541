package dev.switchboard.builtin.memory;

import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the long-term memory tools ({@code memory.remember}, {@code memory.recall}, {@code memory.forget}),
 * under {@code switchboard.memory}; how long and how many memories are kept is the store's part of the prefix
 * ({@code MemoryStoreConfig}).
 */
@ConfigMapping(prefix = "switchboard.memory")
public interface MemoryConfig extends CheckedSettings {

    /**
     * The scope every caller's memories are kept under, until callers are authenticated (then each principal gets
     * its own scope). Deployments sharing one Redis keep their memories apart with different namespaces. Any
     * characters except whitespace, braces and control characters, at most 200.
     */
    @WithDefault("default")
    String namespace();

    /** The longest text {@code memory.remember} accepts, in characters; longer texts are refused. */
    @WithDefault("2000")
    int maxTextLength();

    @Override
    default void check(SettingsProblems problems) {
        problems.require(
                namespace().matches(MemoryScope.ID_PATTERN),
                "namespace",
                "be 1 to 200 characters, none of them whitespace, a brace or a control character, not '" + namespace()
                        + "'");
        problems.atLeast("max-text-length", maxTextLength(), 1);
    }
}
