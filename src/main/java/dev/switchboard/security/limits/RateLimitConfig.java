package dev.switchboard.security.limits;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request rate limits on {@code /mcp}, under {@code switchboard.rate-limit}. Each principal and each session has a
 * bucket of {@code per-principal} (or {@code per-session}) requests that refills continuously over {@code window}:
 * a client may burst up to the whole allowance, then gets one more request every {@code window / allowance}. The
 * buckets live where sessions live ({@code switchboard.sessions.store}), so with Redis the limits hold across replicas.
 */
@ConfigMapping(prefix = "switchboard.rate-limit")
public interface RateLimitConfig extends CheckedSettings {

    /**
     * Whether requests are rate limited. On by default with generous limits: a limit nobody turns on protects nobody,
     * and an interactive MCP client stays far below them. Turn it off when a proxy in front already limits.
     */
    @WithDefault("true")
    boolean enabled();

    /** Requests one authenticated principal may make per {@code window}, over all its sessions and replicas. */
    @WithDefault("600")
    int perPrincipal();

    /** Requests one session may make per {@code window}. */
    @WithDefault("300")
    int perSession();

    /** The window both allowances are counted over. */
    @WithDefault("1m")
    Duration window();

    /**
     * The most buckets the in-memory limiter (memory store) keeps. Full buckets are dropped first; past the cap,
     * others are dropped too, which lets their owners burst again, rather than refusing new clients.
     */
    @WithDefault("100000")
    int memoryMaxBuckets();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("per-principal", perPrincipal(), 1);
        problems.atLeast("per-session", perSession(), 1);
        problems.atLeast("window", window(), Duration.ofSeconds(1));
        problems.atLeast("memory-max-buckets", memoryMaxBuckets(), 100);
    }
}
