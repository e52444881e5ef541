package dev.switchboard.task;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tool calls run as MCP tasks, under {@code switchboard.tasks}. Tasks live where sessions live. */
@ConfigMapping(prefix = "switchboard.tasks")
public interface TaskConfig extends CheckedSettings {

    /** How long a task (and its result) is kept after it was created, when the client asks for no TTL. */
    @WithDefault("1h")
    Duration defaultTtl();

    /** The longest TTL a client may ask for (2025-11-25 {@code params.task.ttl}); longer requests are cut to it. */
    @WithDefault("24h")
    Duration maxTtl();

    /** How often clients are told to poll ({@code pollInterval} / {@code pollIntervalMs}). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * 2026-07-28: how long a task-capable call runs on its request before it becomes a task, unless it reports
     * progress first (which makes it a task at once). A call that ends sooner is answered directly.
     */
    @WithDefault("500ms")
    Duration detachAfter();

    /** How long a task may run before it is cancelled and failed, unless the tool sets its own time limit. */
    @WithDefault("30m")
    Duration timeout();

    /**
     * How long a running task's lease lasts without renewal (Redis store). The replica running a task renews it every
     * third of this; when a replica dies, another one fails its tasks ("the server restarted") within
     * {@code lease + lease / 3}.
     */
    @WithDefault("15s")
    Duration lease();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("default-ttl", defaultTtl(), Duration.ofSeconds(1));
        problems.atLeast("max-ttl", maxTtl(), Duration.ofSeconds(1));
        problems.atLeast("poll-interval", pollInterval(), Duration.ofMillis(1));
        problems.atLeast("timeout", timeout(), Duration.ofSeconds(1));
        problems.atLeast("lease", lease(), Duration.ofSeconds(1));
    }
}
