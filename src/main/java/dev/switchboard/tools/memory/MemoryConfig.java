package dev.switchboard.tools.memory;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the long-term memory tools, under {@code switchboard.memory}. */
public interface MemoryConfig {

    /** How long a memory is kept after it was last stored or recalled. */
    @WithDefault("90d")
    Duration retention();
}
