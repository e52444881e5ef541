package dev.switchboard.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replica's copies of the sessions it served lately, each good for {@code refresh} nanoseconds after Redis
 * answered it, and the {@code tools_used} entries waiting to be written. Thread-safe; times are {@link System#nanoTime}
 * readings passed in, so tests choose them.
 */
final class SessionNearCache {

    private record Copy(Session session, long fetchedAt) {}

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, List<String>> waiting = new ConcurrentHashMap<>();
    /** Counts the sessions dropped: a copy fetched before a drop it may predate is not kept ({@link #keep}). */
    private final AtomicLong drops = new AtomicLong();
    /** When the last {@link #sweep} walked the copies ({@link Long#MIN_VALUE}: never). */
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    private final long refreshNanos;
    private final int maxSessions;

    SessionNearCache(long refreshNanos, int maxSessions) {
        this.refreshNanos = refreshNanos;
        this.maxSessions = maxSessions;
    }

    /** The copy of session {@code id} if Redis answered it less than {@code refresh} before {@code now}, else null. */
    Session fresh(String id, long now) {
        Copy copy = copies.get(id);
        return copy != null && now - copy.fetchedAt() < refreshNanos ? copy.session() : null;
    }

    /** A reading to pass to {@link #keep} with what Redis answers after it. */
    long generation() {
        return drops.get();
    }

    /**
     * Keeps a copy of {@code session} as Redis answered it at {@code now}, unless a session was dropped since
     * {@code generation} was read (that drop may be this one: better ask Redis again) or the cache is full.
     */
    void keep(Session session, long now, long generation) {
        if (copies.size() < maxSessions || copies.containsKey(session.id())) {
            copies.put(session.id(), new Copy(session, now));
            if (drops.get() != generation) {
                copies.remove(session.id());
            }
        }
    }

    /** Keeps a copy of a session just created (no change can predate it), unless the cache is full. */
    void keepNew(Session session, long now) {
        if (copies.size() < maxSessions) {
            copies.put(session.id(), new Copy(session, now));
        }
    }

    /** Forgets the copy of a session (it changed or ended somewhere): the next request asks Redis. */
    void drop(String id) {
        drops.incrementAndGet();
        copies.remove(id);
    }

    /** Forgets every copy: changes may have been missed. */
    void dropAll() {
        drops.incrementAndGet();
        copies.clear();
    }

    /** Forgets a session that ended here, with its waiting entries. */
    void forget(String id) {
        drop(id);
        waiting.remove(id);
    }

    /**
     * Forgets the copies older than {@code refresh}, so the cache holds only sessions in use. A walk over every copy, so
     * at most once per {@code refresh}, however often it is asked (the flush timer asks every flush delay).
     */
    void sweep(long now) {
        long last = lastSweep.get();
        if ((last == Long.MIN_VALUE || now - last >= refreshNanos) && lastSweep.compareAndSet(last, now)) {
            copies.values().removeIf(copy -> now - copy.fetchedAt() >= refreshNanos);
        }
    }

    /** Adds a {@code tools_used} entry to those waiting for session {@code id}. */
    void hold(String id, String use) {
        waiting.compute(id, (key, uses) -> {
            List<String> list = uses == null ? new ArrayList<>(4) : uses;
            list.add(use);
            return list;
        });
    }

    /** Puts back entries whose write failed, before those that arrived meanwhile. */
    void holdAgain(String id, List<String> uses) {
        waiting.compute(id, (key, newer) -> {
            List<String> list = new ArrayList<>(uses);
            if (newer != null) {
                list.addAll(newer);
            }
            return list;
        });
    }

    /** Takes the entries waiting for session {@code id}, oldest first (empty when none). */
    List<String> take(String id) {
        List<String> uses = waiting.remove(id);
        return uses == null ? List.of() : uses;
    }

    /** Takes every waiting entry, by session. */
    Map<String, List<String>> takeAll() {
        Map<String, List<String>> all = new HashMap<>();
        for (String id : waiting.keySet()) {
            List<String> uses = waiting.remove(id);
            if (uses != null) {
                all.put(id, uses);
            }
        }
        return all;
    }

    int size() {
        return copies.size();
    }
}
