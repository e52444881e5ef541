package dev.switchboard.security.limits;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Buckets in this process's memory (the memory store: dev mode, one replica), with the same GCRA as {@code
 * redis/rate-acquire.lua} on the injected clock. Each bucket has its own lock, so acquires of different keys never
 * wait for each other. At most {@code maxBuckets} are kept: when a new key would pass the cap, full buckets (whose
 * state equals a fresh one) are dropped, and if that is not enough, arbitrary ones, down to 90 % of the cap so the
 * sweep is rare.
 */
@Singleton
@Typed(InMemoryRateLimiter.class)
public class InMemoryRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(InMemoryRateLimiter.class);
    private static final long WARNING_INTERVAL_MICROS = 60_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** When the next cap warning may be logged (epoch µs); only the sweeping thread touches it. */
    private long nextWarning = Long.MIN_VALUE;

    private final Clock clock;
    private final int maxBuckets;

    @Inject
    public InMemoryRateLimiter(Clock clock, RateLimitConfig config) {
        this(clock, config.memoryMaxBuckets());
    }

    public InMemoryRateLimiter(Clock clock, int maxBuckets) {
        this.clock = clock;
        this.maxBuckets = maxBuckets;
    }

    @Override
    public Uni<RateDecision> acquire(String key, RateLimit limit) {
        return Uni.createFrom().item(() -> take(key, limit)); // on subscription, like a Redis command
    }

    @Override
    public String kind() {
        return "memory";
    }

    /** How many buckets are kept now. */
    int size() {
        return buckets.size();
    }

    private RateDecision take(String key, RateLimit limit) {
        Instant instant = clock.instant();
        long now = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
        while (true) {
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                if (buckets.size() >= maxBuckets) {
                    sweep(now);
                }
                bucket = buckets.computeIfAbsent(key, k -> new Bucket());
            }
            synchronized (bucket) {
                if (!bucket.dropped) {
                    return bucket.take(now, limit.emissionIntervalMicros(), limit.permits());
                }
            }
            // A sweep dropped it between the lookup and the lock: take from its successor.
        }
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return; // another thread is sweeping; the map may pass the cap by a few entries meanwhile
        }
        try {
            int target = maxBuckets - maxBuckets / 10;
            dropWhile(bucket -> bucket.tat <= now, Integer.MAX_VALUE);
            if (buckets.size() > target) {
                int dropped = dropWhile(bucket -> true, buckets.size() - target);
                if (now >= nextWarning) { // a client inventing keys would otherwise flood the log
                    nextWarning = now + WARNING_INTERVAL_MICROS;
                    LOG.warnf(
                            "The in-memory rate limiter reached its cap of %d busy buckets"
                                    + " (switchboard.rate-limit.memory-max-buckets) and reset %d; logged at most"
                                    + " once a minute",
                            maxBuckets, dropped);
                }
            }
        } finally {
            sweeping.set(false);
        }
    }

    private int dropWhile(Predicate<Bucket> drop, int most) {
        int dropped = 0;
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext() && dropped < most; ) {
            Map.Entry<String, Bucket> entry = it.next();
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                if (drop.test(bucket) && buckets.remove(entry.getKey(), bucket)) {
                    bucket.dropped = true;
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** A bucket's theoretical arrival time, in epoch microseconds; guarded by the bucket's monitor. */
    private static final class Bucket {
        long tat = Long.MIN_VALUE;
        boolean dropped;

        RateDecision take(long now, long interval, int burst) {
            long newTat = Math.max(tat, now) + interval;
            long allowAt = newTat - interval * burst;
            if (now < allowAt) {
                return RateDecision.refused(Duration.ofNanos((allowAt - now) * 1_000L));
            }
            tat = newTat;
            return RateDecision.allowed((now - allowAt) / interval);
        }
    }
}
