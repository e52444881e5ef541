package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: the embedded default for local runs. Same rules as the Redis store (sliding
 * TTL, capped {@code tools_used}, collections ordered by score then entry), but lost on restart and not shared
 * between replicas.
 */
@Singleton
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Comparator<Scored> SCORE_ORDER =
            Comparator.comparingDouble(Scored::score).thenComparing(Scored::entry);

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int toolsUsedLimit;
    private volatile Instant nextSweep;

    @Inject
    public InMemorySessionStore(SwitchboardConfig config, Clock clock) {
        this(clock, config.sessions().ttl(), config.sessions().toolsUsedLimit());
    }

    public InMemorySessionStore(Clock clock, Duration ttl, int toolsUsedLimit) {
        this.clock = clock;
        this.ttl = ttl;
        this.toolsUsedLimit = toolsUsedLimit;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    @Override
    public Uni<Void> create(Session session) {
        Instant now = clock.instant();
        sweepExpired(now);
        slots.put(session.id(), new Slot(session, now.plus(ttl)));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance) {
        Instant now = clock.instant();
        Slot slot = live(id, now);
        if (slot == null || !slot.session.owner().equals(owner)) {
            return Uni.createFrom().item(Optional.empty());
        }
        synchronized (slot) {
            if (allowance != null) {
                long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                long next = allowance.take(slot.rateTat, micros);
                if (next < 0) {
                    return Uni.createFrom().failure(new AllowanceExceededException(Duration.ofNanos(-next * 1_000)));
                }
                slot.rateTat = next;
            }
            slot.session = slot.session.seenAt(now);
            slot.expiresAt = now.plus(ttl);
            if (use != null) {
                slot.toolsUsed.addLast(use);
                while (slot.toolsUsed.size() > toolsUsedLimit) {
                    slot.toolsUsed.removeFirst();
                }
            }
            return Uni.createFrom().item(Optional.of(slot.session));
        }
    }

    @Override
    public Uni<Boolean> setLogLevel(String id, String level) {
        Slot slot = live(id, clock.instant());
        if (slot == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (slot) {
            Session s = slot.session;
            slot.session = new Session(
                    s.id(),
                    s.owner(),
                    s.protocolVersion(),
                    s.clientInfo(),
                    s.clientCapabilities(),
                    level,
                    s.createdAt(),
                    s.lastSeenAt());
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Boolean> delete(String id, String owner) {
        Instant now = clock.instant();
        boolean[] deleted = {false};
        slots.computeIfPresent(id, (key, slot) -> {
            if (!slot.session.owner().equals(owner)) {
                return slot; // someone else's: it does not exist for this caller
            }
            deleted[0] = slot.expiresAt.isAfter(now);
            return null;
        });
        return Uni.createFrom().item(deleted[0]);
    }

    @Override
    public Uni<Optional<String>> end(String id) {
        Instant now = clock.instant();
        String[] owner = {null};
        slots.computeIfPresent(id, (key, slot) -> {
            owner[0] = slot.expiresAt.isAfter(now) ? slot.session.owner() : null;
            return null;
        });
        return Uni.createFrom().item(Optional.ofNullable(owner[0]));
    }

    @Override
    public Uni<List<SessionSummary>> recent(int limit) {
        Instant now = clock.instant();
        List<SessionSummary> found = new ArrayList<>();
        slots.values().stream()
                .filter(slot -> slot.expiresAt.isAfter(now))
                .sorted(Comparator.comparing((Slot slot) -> slot.session.createdAt())
                        .reversed())
                .limit(limit)
                .forEach(slot -> {
                    synchronized (slot) {
                        found.add(new SessionSummary(slot.session, List.copyOf(slot.toolsUsed), null));
                    }
                });
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Long> count() {
        Instant now = clock.instant();
        return Uni.createFrom()
                .item(slots.values().stream()
                        .filter(slot -> slot.expiresAt.isAfter(now))
                        .count());
    }

    @Override
    public Uni<List<ToolUse>> toolsUsed(String id) {
        Slot slot = live(id, clock.instant());
        if (slot == null) {
            return Uni.createFrom().item(List.of());
        }
        synchronized (slot) {
            return Uni.createFrom().item(List.copyOf(slot.toolsUsed));
        }
    }

    @Override
    public Uni<Boolean> addEntry(String id, String collection, double score, String entry) {
        Slot slot = live(id, clock.instant());
        if (slot == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (slot) {
            TreeSet<Scored> entries = slot.collections.computeIfAbsent(collection, c -> new TreeSet<>(SCORE_ORDER));
            entries.removeIf(s -> s.entry().equals(entry));
            entries.add(new Scored(score, entry));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Boolean> removeEntry(String id, String collection, String entry) {
        Slot slot = live(id, clock.instant());
        if (slot == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (slot) {
            TreeSet<Scored> entries = slot.collections.get(collection);
            return Uni.createFrom()
                    .item(entries != null && entries.removeIf(s -> s.entry().equals(entry)));
        }
    }

    @Override
    public Uni<List<String>> entries(String id, String collection, double min, double max) {
        Slot slot = live(id, clock.instant());
        if (slot == null) {
            return Uni.createFrom().item(List.of());
        }
        List<String> found = new ArrayList<>();
        synchronized (slot) {
            for (Scored s : slot.collections.getOrDefault(collection, new TreeSet<>(SCORE_ORDER))) {
                if (s.score() >= min && s.score() <= max) {
                    found.add(s.entry());
                }
            }
        }
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<String> shared(String name, String value) {
        return Uni.createFrom().item(shared.computeIfAbsent(name, ignored -> value));
    }

    @Override
    public Uni<Void> ping() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public String kind() {
        return "memory";
    }

    private Slot live(String id, Instant now) {
        Slot slot = slots.get(id);
        if (slot == null) {
            return null;
        }
        if (!slot.expiresAt.isAfter(now)) {
            slots.remove(id, slot);
            return null;
        }
        return slot;
    }

    /** Expired sessions are also dropped on access; the sweep bounds memory held by sessions nobody returns to. */
    private void sweepExpired(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        slots.values().removeIf(slot -> !slot.expiresAt.isAfter(now));
    }

    private record Scored(double score, String entry) {}

    private static final class Slot {
        private Session session;
        private volatile Instant expiresAt;
        private long rateTat = Long.MIN_VALUE;
        private final ArrayDeque<ToolUse> toolsUsed = new ArrayDeque<>();
        private final Map<String, TreeSet<Scored>> collections = new HashMap<>();

        private Slot(Session session, Instant expiresAt) {
            this.session = session;
            this.expiresAt = expiresAt;
        }
    }
}
