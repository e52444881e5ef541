package dev.switchboard.security.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Request rate limits on {@code /mcp}, under {@code switchboard.rate-limit}. Each principal and each session has a
 * bucket of {@code per-principal} (or {@code per-session}) requests that refills continuously over {@code window}:
 * a client may burst up to the whole allowance, then gets one more request every {@code window / allowance}. The
 * buckets live where sessions live ({@code switchboard.sessions.store}), so with Redis the limits hold across replicas.
 */
@ConfigMapping(prefix = "switchboard.rate-limit")
public interface RateLimitConfig {

    /**
     * Whether requests are rate limited. On by default with generous limits: a limit nobody turns on protects nobody,
     * and an interactive MCP client stays far below them. Turn it off when a proxy in front already limits.
     */
    @WithDefault("true")
    boolean enabled();

    /** Requests one authenticated principal may make per {@code window}, over all its sessions and replicas. */
    @WithDefault("600")
    @Min(1)
    int perPrincipal();

    /** Requests one session may make per {@code window}. */
    @WithDefault("300")
    @Min(1)
    int perSession();

    /** The window both allowances are counted over. */
    @WithDefault("1m")
    @DurationMin(seconds = 1)
    Duration window();

    /**
     * The most buckets the in-memory limiter (memory store) keeps. Full buckets are dropped first; past the cap,
     * others are dropped too, which lets their owners burst again, rather than refusing new clients.
     */
    @WithDefault("100000")
    @Min(100)
    int memoryMaxBuckets();
}
