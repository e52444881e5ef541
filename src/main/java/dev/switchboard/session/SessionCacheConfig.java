package dev.switchboard.session;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The near cache of the Redis session store, under {@code switchboard.sessions.near-cache}: each replica answers the
 * requests of a session it served lately from its own copy, and goes to Redis at most once per {@link #refresh()} per
 * session (see {@link NearCachedSessionStore}).
 */
@ConfigMapping(prefix = "switchboard.sessions.near-cache")
public interface SessionCacheConfig extends CheckedSettings {

    /**
     * Whether replicas keep a near cache. {@code false} reads and writes Redis on every request (and writes each call's
     * {@code tools_used} entry with it), as before the cache: for fleets that cannot accept the bounds below.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a replica answers from its copy of a session before asking Redis again, which also slides the TTL.
     * The bound on a deletion another replica did not hear of (its notice is lost only when the Redis connection is):
     * a deleted session is refused everywhere within this time, usually at once. Sessions live in Redis this much
     * longer than {@code switchboard.sessions.ttl}, so they never expire sooner than the TTL after their last request.
     */
    @WithDefault("5s")
    Duration refresh();

    /**
     * How long a call's {@code tools_used} entry may wait to be written to Redis with others (one pipelined script per
     * session). What a replica that crashes loses; a graceful stop writes everything first.
     */
    @WithDefault("250ms")
    Duration flushDelay();

    /** How many sessions one replica keeps a copy of; more are served straight from Redis. */
    @WithDefault("100000")
    int maxSessions();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("refresh", refresh(), Duration.ofMillis(1));
        problems.atLeast("flush-delay", flushDelay(), Duration.ofMillis(1));
    }
}
