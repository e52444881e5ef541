package dev.switchboard.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Writes one fleet index in batches. What this replica creates and deletes waits up to {@link #DELAY} and goes to
 * Redis in one script, instead of a round trip beside every creation and deletion: the index serves the console only,
 * and it is another hash slot than the session's keys, so it could never share their script. A session created and
 * deleted within one batch costs the index nothing.
 *
 * <p>What it costs: another replica's console lists a session up to {@link #DELAY} after its creation (this replica's
 * listing writes what waits first, see {@link #flush}), and a replica that crashes leaves its last batch out of the
 * index. A graceful stop writes it ({@link FleetIndexes}). A batch that Redis refuses waits for the next one, unless as
 * many members as the index keeps are waiting already; the index was best effort before as well.
 */
public final class FleetIndexWriter {

    /** How long a change may wait for others. */
    static final Duration DELAY = Duration.ofMillis(100);

    /** Changes per script: well inside Lua's limit on the arguments one call may unpack. */
    static final int CHUNK = 1_000;

    private static final Logger LOG = Logger.getLogger(FleetIndexWriter.class);
    private static final RedisScript UPDATE = RedisScript.load("fleet-index-update");

    private final ReactiveRedisDataSource redis;
    private final String key;
    private final int kept;
    private Map<String, Long> adds = new LinkedHashMap<>();
    private Set<String> removes = new LinkedHashSet<>();
    private boolean scheduled;
    /** Completes when the last batch sent is written or refused; it never fails. */
    private CompletableFuture<Void> lastBatch = CompletableFuture.completedFuture(null);

    FleetIndexWriter(ReactiveRedisDataSource redis, String key, int kept) {
        this.redis = redis;
        this.key = key;
        this.kept = kept;
    }

    /** Adds {@code id}, created at {@code createdMillis}, with the next batch. */
    public synchronized void add(String id, long createdMillis) {
        adds.put(id, createdMillis);
        schedule();
    }

    /** Removes {@code id} with the next batch; nothing at all when its addition has not been written yet. */
    public synchronized void remove(String id) {
        if (adds.remove(id) == null) {
            removes.add(id);
            schedule();
        }
    }

    /**
     * Writes what waits now, after the batch sent before it; completes when Redis has both (or refused them: the
     * changes then wait again). Batches go one after the other, so a removal never overtakes the addition it undoes, and
     * a listing that flushes first sees every change made before it, even one whose batch was already on its way.
     */
    public Uni<Void> flush() {
        Map<String, Long> added;
        Set<String> removed;
        CompletableFuture<Void> previous;
        CompletableFuture<Void> written = new CompletableFuture<>();
        synchronized (this) {
            previous = lastBatch;
            if (adds.isEmpty() && removes.isEmpty()) {
                return Uni.createFrom().completionStage(previous);
            }
            added = adds;
            removed = removes;
            adds = new LinkedHashMap<>();
            removes = new LinkedHashSet<>();
            lastBatch = written;
        }
        // Sent now, whoever subscribes: a later batch waits for this one, so it must not wait for a subscriber. This
        // flush's caller hears first, so whoever a later flush releases finds this one complete.
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        Uni.createFrom()
                .completionStage(previous)
                .chain(() -> write(added, removed))
                .subscribe()
                .with(
                        done -> {
                            outcome.complete(null);
                            written.complete(null);
                        },
                        failure -> {
                            outcome.completeExceptionally(failure);
                            written.complete(null);
                        });
        return Uni.createFrom().completionStage(outcome);
    }

    private Uni<Void> write(Map<String, Long> added, Set<String> removed) {
        // Additions first, and chunks one after the other: a member re-queued after a failure and removed since is
        // added, then removed again.
        List<Map.Entry<String, Long>> additions = new ArrayList<>(added.entrySet());
        List<String> removals = new ArrayList<>(removed);
        int total = additions.size() + removals.size();
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (int from = 0; from < total; from += CHUNK) {
            List<String> args = chunk(additions, removals, from, Math.min(total, from + CHUNK));
            writes = writes.chain(() ->
                    UPDATE.run(redis, List.of(key), args.toArray(String[]::new)).replaceWithVoid());
        }
        return writes.onFailure().invoke(failure -> {
            LOG.debugf("Fleet index %s not written yet: %s", key, failure.getMessage());
            requeue(added, removed);
        });
    }

    /** The script's arguments for the changes {@code from} (inclusive) to {@code to}, additions numbered first. */
    private List<String> chunk(List<Map.Entry<String, Long>> additions, List<String> removals, int from, int to) {
        int addEnd = Math.min(to, additions.size());
        List<String> args = new ArrayList<>(2 + 2 * (to - from));
        args.add(Integer.toString(kept));
        args.add(Integer.toString(Math.max(0, addEnd - from)));
        for (int i = from; i < addEnd; i++) {
            args.add(Long.toString(additions.get(i).getValue()));
            args.add(additions.get(i).getKey());
        }
        for (int i = Math.max(from, additions.size()); i < to; i++) {
            args.add(removals.get(i - additions.size()));
        }
        return args;
    }

    private synchronized void requeue(Map<String, Long> added, Set<String> removed) {
        if (adds.size() + added.size() > kept) {
            LOG.debugf("Fleet index %s: %d changes dropped, Redis refusing them", key, added.size() + removed.size());
            return;
        }
        added.forEach(adds::putIfAbsent);
        removes.addAll(removed);
        schedule();
    }

    private synchronized void unschedule() {
        scheduled = false;
    }

    /** Called holding the lock: one timer per batch. */
    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(DELAY)
                    .subscribe()
                    .with(
                            ignored -> {
                                unschedule();
                                flush().subscribe().with(done -> {}, failure -> {});
                            },
                            failure -> unschedule()); // stopping: the graceful stop flushes what waits
        }
    }
}
