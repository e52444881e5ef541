package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import dev.switchboard.json.JsonCodec;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The Redis session store with a near cache: a session this replica served lately is answered from its copy, and
 * Redis is asked again (which also slides the TTL) at most once per {@code refresh} per session. A call's
 * {@code tools_used} entry waits up to {@code flush-delay} and is written with the others of its session in one
 * script, or with the next trip to Redis. So a session's requests cost one round trip per {@code refresh}, not one
 * each.
 *
 * <p>The promises, and what they cost:
 *
 * <ul>
 *   <li>A session ended or changed on any replica is dropped by every other one when the script that did it publishes
 *       its id ({@link RedisSessionStore#changesChannel}), milliseconds later; were that notice lost with the pub/sub
 *       connection, the copy still goes stale within {@code refresh}. That is the bound on serving an ended session.
 *   <li>An expired session is never served: a copy lasts {@code refresh}, and Redis keeps a session {@code ttl +
 *       refresh} after the last trip there.
 *   <li>Rate-limited requests (a session allowance) always go to Redis: the allowance is shared by the fleet.
 *   <li>A replica that crashes loses the {@code tools_used} entries of its last {@code flush-delay}; {@link #stop}
 *       writes them all on a graceful stop. {@code switchboard.sessions.near-cache.enabled=false} writes each call.
 * </ul>
 */
public final class NearCachedSessionStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(NearCachedSessionStore.class);
    private static final Uni<Optional<Session>> MISSING = Uni.createFrom().item(Optional.empty());

    private final RedisSessionStore redis;
    private final JsonCodec json;
    private final Clock clock;
    private final SessionNearCache cache;
    private final Vertx vertx;
    private final long flushTimer;
    private final Cancellable changes;
    private volatile boolean stopped;

    NearCachedSessionStore(
            RedisSessionStore redis,
            ReactiveRedisDataSource data,
            String changesChannel,
            Vertx vertx,
            JsonCodec json,
            Clock clock,
            SessionCacheConfig config) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.vertx = vertx;
        this.cache = new SessionNearCache(config.refresh().toNanos(), config.maxSessions());
        this.changes = data.pubsub(String.class)
                .subscribe(changesChannel)
                .onFailure()
                .invoke(cache::dropAll) // notices may be missed until subscribed again
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(cache::drop, failure -> LOG.error("Session change notices stopped", failure));
        this.flushTimer = vertx.setPeriodic(config.flushDelay().toMillis(), tick -> {
            cache.sweep(System.nanoTime());
            flushAll().subscribe().with(done -> {}, failure -> {});
        });
    }

    @Override
    public Uni<Void> create(Session session) {
        long now = System.nanoTime();
        return redis.create(session).invoke(() -> cache.keepNew(session, now));
    }

    @Override
    public Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance) {
        long now = System.nanoTime();
        if (allowance == null && !stopped) {
            Session copy = cache.fresh(id, now);
            if (copy != null) {
                if (!copy.owner().equals(owner)) {
                    return MISSING; // as Redis answers another principal
                }
                if (use != null) {
                    cache.hold(id, json.write(use));
                }
                return Uni.createFrom().item(Optional.of(copy.seenAt(clock.instant())));
            }
        }
        long generation = cache.generation();
        List<String> held = cache.take(id);
        List<String> uses = held;
        if (use != null) {
            uses = new ArrayList<>(held);
            uses.add(json.write(use));
        }
        return redis.touch(id, owner, uses, allowance).onItemOrFailure().invoke((found, failure) -> {
            if (found != null && found.isPresent()) {
                cache.keep(found.get(), now, generation);
            } else if (!held.isEmpty()) {
                cache.holdAgain(id, held); // not written: refused, or another principal's request
            }
        });
    }

    @Override
    public Uni<Boolean> setLogLevel(String id, String level) {
        cache.drop(id);
        return redis.setLogLevel(id, level);
    }

    @Override
    public Uni<Boolean> delete(String id, String owner) {
        cache.drop(id);
        return redis.delete(id, owner).invoke(deleted -> {
            if (deleted) {
                cache.forget(id);
            }
        });
    }

    @Override
    public Uni<Optional<String>> end(String id) {
        cache.drop(id);
        return redis.end(id).invoke(owner -> cache.forget(id));
    }

    @Override
    public Uni<List<SessionSummary>> recent(int limit) {
        return flushAll().chain(() -> redis.recent(limit));
    }

    @Override
    public Uni<Long> count() {
        return redis.count();
    }

    @Override
    public Uni<List<ToolUse>> toolsUsed(String id) {
        return flush(id, cache.take(id)).chain(() -> redis.toolsUsed(id));
    }

    @Override
    public Uni<Boolean> addEntry(String id, String collection, double score, String entry) {
        return redis.addEntry(id, collection, score, entry);
    }

    @Override
    public Uni<Boolean> removeEntry(String id, String collection, String entry) {
        return redis.removeEntry(id, collection, entry);
    }

    @Override
    public Uni<List<String>> entries(String id, String collection, double min, double max) {
        return redis.entries(id, collection, min, max);
    }

    @Override
    public Uni<String> shared(String name, String value) {
        return redis.shared(name, value);
    }

    @Override
    public Uni<Void> ping() {
        return redis.ping();
    }

    @Override
    public String kind() {
        return redis.kind();
    }

    /**
     * Writes every waiting {@code tools_used} entry and serves every later request from Redis: the graceful stop, run
     * when requests have drained.
     */
    public Uni<Void> stop() {
        stopped = true;
        vertx.cancelTimer(flushTimer);
        changes.cancel();
        return flushAll();
    }

    /** How many sessions this replica holds a copy of. */
    int copies() {
        return cache.size();
    }

    private Uni<Void> flushAll() {
        Map<String, List<String>> waiting = cache.takeAll();
        if (waiting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> writes = new ArrayList<>(waiting.size());
        waiting.forEach((id, uses) -> writes.add(flush(id, uses)));
        return Uni.join().all(writes).andCollectFailures().replaceWithVoid();
    }

    /** Writes {@code uses} of one session; on failure they wait again for the next flush. */
    private Uni<Void> flush(String id, List<String> uses) {
        if (uses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return redis.append(id, uses)
                .onFailure()
                .invoke(failure -> {
                    LOG.debugf("tools_used of a session not written yet: %s", failure.getMessage());
                    cache.holdAgain(id, uses);
                })
                .replaceWithVoid();
    }
}
