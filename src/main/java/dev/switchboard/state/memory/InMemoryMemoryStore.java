package dev.switchboard.state.memory;

import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.memory.MemoryStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memories in this process's memory, for the embedded session store ({@code switchboard.sessions.store=memory}, dev
 * mode): the same rules as {@link RedisMemoryStore} (retention, bound, least recently used dropped first, ties by
 * id), but lost on restart and not shared between replicas.
 */
@Singleton
@Typed(InMemoryMemoryStore.class)
public class InMemoryMemoryStore implements MemoryStore {

    private static final Comparator<Kept> EXPIRY_ORDER = Comparator.comparingLong(Kept::expiresAt)
            .thenComparing(kept -> kept.memory().id());

    private final Map<MemoryScope, Shelf> shelves = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final int maxEntries;

    @Inject
    public InMemoryMemoryStore(MemoryStoreConfig config, Clock clock) {
        this(clock, config.retention(), config.maxEntries());
    }

    public InMemoryMemoryStore(Clock clock, Duration retention, int maxEntries) {
        this.clock = clock;
        this.retention = retention;
        this.maxEntries = maxEntries;
    }

    @Override
    public Uni<List<String>> add(MemoryScope scope, Memory memory) {
        long now = clock.millis();
        List<String> evicted = new ArrayList<>();
        Shelf shelf = shelves.computeIfAbsent(scope, ignored -> new Shelf());
        synchronized (shelf) {
            shelf.prune(now);
            while (shelf.byExpiry.size() >= maxEntries) {
                Kept oldest = shelf.byExpiry.pollFirst();
                shelf.byId.remove(oldest.memory().id());
                evicted.add(oldest.memory().id());
            }
            shelf.put(new Kept(memory, now + retention.toMillis()));
        }
        return Uni.createFrom().item(evicted);
    }

    @Override
    public Uni<List<Memory>> all(MemoryScope scope) {
        Shelf shelf = shelves.get(scope);
        if (shelf == null) {
            return Uni.createFrom().item(List.of());
        }
        List<Memory> memories = new ArrayList<>();
        synchronized (shelf) {
            shelf.prune(clock.millis());
            Iterator<Kept> newestFirst = shelf.byExpiry.descendingIterator();
            while (newestFirst.hasNext() && memories.size() < maxEntries) {
                memories.add(newestFirst.next().memory());
            }
        }
        return Uni.createFrom().item(memories);
    }

    @Override
    public Uni<Void> refresh(MemoryScope scope, List<String> ids) {
        Shelf shelf = shelves.get(scope);
        if (shelf == null) {
            return Uni.createFrom().voidItem();
        }
        long now = clock.millis();
        synchronized (shelf) {
            shelf.prune(now);
            for (String id : ids) {
                Kept kept = shelf.byId.get(id);
                if (kept != null) {
                    shelf.byExpiry.remove(kept);
                    shelf.put(new Kept(kept.memory(), now + retention.toMillis()));
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Memory>> remove(MemoryScope scope, String id) {
        Shelf shelf = shelves.get(scope);
        if (shelf == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        synchronized (shelf) {
            shelf.prune(clock.millis());
            Kept kept = shelf.byId.remove(id);
            if (kept == null) {
                return Uni.createFrom().item(Optional.empty());
            }
            shelf.byExpiry.remove(kept);
            return Uni.createFrom().item(Optional.of(kept.memory()));
        }
    }

    @Override
    public String kind() {
        return "memory";
    }

    private record Kept(Memory memory, long expiresAt) {}

    /** One scope's memories; guarded by its own monitor. */
    private static final class Shelf {
        private final Map<String, Kept> byId = new HashMap<>();
        private final TreeSet<Kept> byExpiry = new TreeSet<>(EXPIRY_ORDER);

        private void put(Kept kept) {
            byId.put(kept.memory().id(), kept);
            byExpiry.add(kept);
        }

        /** Drops memories whose expiry is at or before {@code now}, as the Redis scripts do. */
        private void prune(long now) {
            while (!byExpiry.isEmpty() && byExpiry.first().expiresAt() <= now) {
                byId.remove(byExpiry.pollFirst().memory().id());
            }
        }
    }
}
