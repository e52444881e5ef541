package dev.switchboard.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A fleet index: a sorted set of ids (sessions, tasks) by creation time, which the console lists. Replicas write it in
 * batches ({@link FleetIndexWriter}) that keep the newest {@value #KEPT} members, so members left by what expired
 * unlisted never pile up; listings drop the others they find expired.
 */
public final class FleetIndex {

    /** Members kept: far more than a console page (500), few enough to stay under a megabyte. */
    public static final int KEPT = 10_000;

    private FleetIndex() {}

    /** Removes {@code ids} from the index {@code key}. */
    public static Uni<Void> remove(ReactiveRedisDataSource redis, String key, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>(ids.size() + 1);
        args.add(key);
        args.addAll(ids);
        return RedisScript.command(redis, "ZREM", args.toArray(String[]::new)).replaceWithVoid();
    }

    /**
     * Removes, among the oldest {@code limit} members of the index {@code key}, those whose own key ({@code keyOf})
     * is gone: what expired without a listing to see it. One {@code EXISTS} per member, each in its member's slot.
     */
    public static Uni<Void> sweepOldest(
            ReactiveRedisDataSource redis, String key, int limit, Function<String, String> keyOf) {
        return RedisScript.command(redis, "ZRANGE", key, "0", Integer.toString(limit - 1))
                .chain(oldest -> {
                    List<String> ids = ids(oldest);
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Uni<Response>> checks = new ArrayList<>(ids.size());
                    ids.forEach(id -> checks.add(RedisScript.command(redis, "EXISTS", keyOf.apply(id))));
                    return Uni.join().all(checks).andFailFast().chain(exists -> {
                        List<String> gone = new ArrayList<>();
                        for (int i = 0; i < exists.size(); i++) {
                            if (exists.get(i).toInteger() == 0) {
                                gone.add(ids.get(i));
                            }
                        }
                        return remove(redis, key, gone);
                    });
                });
    }

    /** The members of a {@code ZRANGE} reply. */
    public static List<String> ids(Response members) {
        List<String> ids = new ArrayList<>(members.size());
        members.forEach(member -> ids.add(member.toString()));
        return ids;
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
