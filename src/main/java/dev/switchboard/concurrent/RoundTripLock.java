package dev.switchboard.concurrent;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A lock that a worker may hold across a round trip to Redis (an event-log append, a replay). An event loop must
 * never wait for it: the waiting thread could be the one that has to read the reply the holder waits for, and both
 * would stall until the round trip timed out. Event loops use {@link #runWhenFree} or {@link #tryLock}.
 */
public final class RoundTripLock {

    private final ReentrantLock lock = new ReentrantLock();

    /** Runs {@code action} holding the lock, waiting for it: call from a worker thread. */
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the lock, waiting for it: call from a worker thread. */
    public void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code action} holding the lock: now when it is free, else on a worker thread once it is. Never waits. */
    public void runWhenFree(Runnable action) {
        if (lock.tryLock()) {
            try {
                action.run();
            } finally {
                lock.unlock();
            }
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> locked(action));
        }
    }

    /** Takes the lock if it is free; the caller then {@link #unlock}s. */
    public boolean tryLock() {
        return lock.tryLock();
    }

    public void unlock() {
        lock.unlock();
    }
}
