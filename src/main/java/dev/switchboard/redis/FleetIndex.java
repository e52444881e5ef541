package dev.switchboard.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fleet index: a sorted set of ids (sessions, tasks) by creation time, which the console lists. Adding is one
 * script, the only cost on a request's path (at creation), and keeps the newest {@value #KEPT} members, so members
 * left by what expired unlisted never pile up; listings drop the others they find expired.
 */
public final class FleetIndex {

    /** Members kept: far more than a console page (500), few enough to stay under a megabyte. */
    public static final int KEPT = 10_000;

    private static final RedisScript ADD = RedisScript.load("fleet-index-add");

    private FleetIndex() {}

    /** Adds {@code id}, created at {@code createdMillis}, to the index {@code key}. */
    public static Uni<Void> add(ReactiveRedisDataSource redis, String key, long createdMillis, String id) {
        return add(redis, key, createdMillis, id, KEPT);
    }

    /** As {@link #add(ReactiveRedisDataSource, String, long, String)}, keeping the newest {@code kept}. */
    public static Uni<Void> add(ReactiveRedisDataSource redis, String key, long createdMillis, String id, int kept) {
        return ADD.run(redis, List.of(key), Long.toString(createdMillis), id, Integer.toString(kept))
                .replaceWithVoid();
    }

    /**
     * Paces the sweep of an index's oldest members (one read each): at most once a minute per index and process, so a
     * console that refreshes every few seconds does not double the reads of each listing.
     */
    public static final class SweepPace {

        private static final long INTERVAL_MILLIS = 60_000;

        private final AtomicLong next = new AtomicLong();

        /** True when a sweep is due now; the caller then sweeps. */
        public boolean due() {
            long now = System.currentTimeMillis();
            long due = next.get();
            return now >= due && next.compareAndSet(due, now + INTERVAL_MILLIS);
        }
    }
}
