package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every session-store operation (tagged with the operation, never a key) and keeps the session gauges.
 *
 * <p>Sessions live in Redis, shared by all replicas, and counting them there would scan the key space. Instead each
 * replica counts the sessions <em>it</em> served within the sliding TTL ({@code switchboard.sessions.active}): a
 * session is remembered when this replica creates or touches it and forgotten when it is deleted, found missing, or
 * idle longer than the TTL. The memory is bounded ({@value #MAX_TRACKED} ids); beyond that the gauge saturates.
 */
public final class MeteredSessionStore implements SessionStore {

    static final int MAX_TRACKED = 100_000;

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3)
    };

    private final SessionStore delegate;
    private final Op create;
    private final Op touch;
    private final Op setLogLevel;
    private final Op delete;
    private final Op end;
    private final Op recent;
    private final Op count;
    private final Op toolsUsed;
    private final Op addEntry;
    private final Op removeEntry;
    private final Op entries;
    private final Op shared;
    private final Op ping;
    private final Counter opened;
    private final Counter ended;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final long ttlMillis;

    public MeteredSessionStore(SessionStore delegate, MeterRegistry registry, Duration ttl) {
        this.delegate = delegate;
        this.ttlMillis = ttl.toMillis();
        String store = delegate.kind();
        this.create = new Op(registry, store, "create");
        this.touch = new Op(registry, store, "touch");
        this.setLogLevel = new Op(registry, store, "set_log_level");
        this.delete = new Op(registry, store, "delete");
        this.end = new Op(registry, store, "end");
        this.recent = new Op(registry, store, "recent");
        this.count = new Op(registry, store, "count");
        this.toolsUsed = new Op(registry, store, "tools_used");
        this.addEntry = new Op(registry, store, "add_entry");
        this.removeEntry = new Op(registry, store, "remove_entry");
        this.entries = new Op(registry, store, "entries");
        this.shared = new Op(registry, store, "shared");
        this.ping = new Op(registry, store, "ping");
        this.opened = Counter.builder("switchboard.sessions.opened")
                .description("Sessions created (initialize) on this replica")
                .register(registry);
        this.ended = Counter.builder("switchboard.sessions.ended")
                .description("Sessions ended by DELETE on this replica (expiry is not counted)")
                .register(registry);
        Gauge.builder("switchboard.sessions.active", this, MeteredSessionStore::active)
                .description("Sessions this replica served within the session TTL (approximation, see README)")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public Uni<Void> create(Session session) {
        return timed(create, () -> delegate.create(session)).invoke(() -> {
            opened.increment();
            remember(session.id());
        });
    }

    @Override
    public Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance) {
        // Every request touches its session: timed and tracked in one Mutiny operator, not three. The call is made
        // now, as the requests that touch subscribe at once.
        long start = System.nanoTime();
        Uni<Optional<Session>> touching;
        try {
            touching = delegate.touch(id, owner, use, allowance);
        } catch (RuntimeException e) {
            touching = Uni.createFrom().failure(e);
        }
        return touching.onItemOrFailure().invoke((found, failure) -> {
            touch.record(start, failure == null);
            if (failure != null) {
                return;
            }
            if (found.isPresent()) {
                remember(id);
            } else {
                seen.remove(id);
            }
        });
    }

    @Override
    public Uni<Boolean> setLogLevel(String id, String level) {
        return timed(setLogLevel, () -> delegate.setLogLevel(id, level));
    }

    @Override
    public Uni<Boolean> delete(String id, String owner) {
        return timed(delete, () -> delegate.delete(id, owner)).invoke(existed -> {
            seen.remove(id);
            if (existed) {
                ended.increment();
            }
        });
    }

    @Override
    public Uni<Optional<String>> end(String id) {
        return timed(end, () -> delegate.end(id)).invoke(owner -> {
            seen.remove(id);
            if (owner.isPresent()) {
                ended.increment();
            }
        });
    }

    @Override
    public Uni<List<SessionSummary>> recent(int limit) {
        return timed(recent, () -> delegate.recent(limit));
    }

    @Override
    public Uni<Long> count() {
        return timed(count, delegate::count);
    }

    @Override
    public Uni<List<ToolUse>> toolsUsed(String id) {
        return timed(toolsUsed, () -> delegate.toolsUsed(id));
    }

    @Override
    public Uni<Boolean> addEntry(String id, String collection, double score, String entry) {
        return timed(addEntry, () -> delegate.addEntry(id, collection, score, entry));
    }

    @Override
    public Uni<Boolean> removeEntry(String id, String collection, String entry) {
        return timed(removeEntry, () -> delegate.removeEntry(id, collection, entry));
    }

    @Override
    public Uni<List<String>> entries(String id, String collection, double min, double max) {
        return timed(entries, () -> delegate.entries(id, collection, min, max));
    }

    @Override
    public Uni<String> shared(String name, String value) {
        return timed(shared, () -> delegate.shared(name, value));
    }

    @Override
    public Uni<Void> ping() {
        return timed(ping, delegate::ping);
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    /** The store this one measures. */
    public SessionStore delegate() {
        return delegate;
    }

    private void remember(String id) {
        if (seen.size() < MAX_TRACKED || seen.containsKey(id)) {
            seen.put(id, System.currentTimeMillis());
        }
    }

    /** Computed on scrape: drops sessions idle past the TTL, then counts the rest. */
    private double active() {
        long oldest = System.currentTimeMillis() - ttlMillis;
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < oldest) {
                it.remove();
            }
        }
        return seen.size();
    }

    private static <T> Uni<T> timed(Op op, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return call.get().onItemOrFailure().invoke((item, failure) -> op.record(start, failure == null));
        });
    }

    /** The two timers of one operation, registered once. */
    private static final class Op {
        private final Timer success;
        private final Timer failure;

        Op(MeterRegistry registry, String store, String name) {
            this.success = timer(registry, store, name, "success");
            this.failure = timer(registry, store, name, "failure");
        }

        private static Timer timer(MeterRegistry registry, String store, String name, String outcome) {
            return Timer.builder("switchboard.session.store.duration")
                    .description("Session store command latency, by operation")
                    .tag("store", store)
                    .tag("op", name)
                    .tag("outcome", outcome)
                    // A few fixed buckets: ten operations with full percentile histograms would be a thousand series.
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }

        void record(long start, boolean ok) {
            (ok ? success : failure).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
