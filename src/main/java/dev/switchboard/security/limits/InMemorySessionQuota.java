package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session quota in this process's memory, for the in-memory session store (dev mode): same rules as
 * {@link RedisSessionQuota}, not shared between replicas.
 *
 * <p>Memory stays bounded: an owner holds at most the maximum, and an owner holding nothing is dropped, either when
 * its last session is released or trimmed, or by a sweep of all owners at most once a minute.
 */
@Singleton
@Typed(InMemorySessionQuota.class)
public class InMemorySessionQuota implements SessionQuota {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Uni<Boolean> ADMITTED = Uni.createFrom().item(Boolean.TRUE);
    private static final Uni<Boolean> REFUSED = Uni.createFrom().item(Boolean.FALSE);
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    /** Per owner: session id to admission time (epoch ms), in admission order, so the oldest come first. */
    private final Map<String, LinkedHashMap<String, Long>> owners = new ConcurrentHashMap<>();

    private final Clock clock;
    private final long ttlMillis;
    private final int max;
    private volatile long nextSweep;

    @Inject
    public InMemorySessionQuota(SwitchboardConfig config, SessionQuotaConfig quotaConfig, Clock clock) {
        this(clock, config.sessions().ttl(), quotaConfig.maxPerPrincipal());
    }

    public InMemorySessionQuota(Clock clock, Duration sessionTtl, int maxPerPrincipal) {
        this.clock = clock;
        this.ttlMillis = sessionTtl.toMillis();
        this.max = maxPerPrincipal;
        this.nextSweep = clock.millis() + SWEEP_INTERVAL.toMillis();
    }

    @Override
    public Uni<Boolean> admit(String owner, String sessionId) {
        if (max == 0) {
            return ADMITTED;
        }
        long now = clock.millis();
        sweepIfDue(now);
        boolean[] admitted = {false};
        // compute() runs atomically per owner: the check and the record cannot interleave with another admit.
        owners.compute(owner, (key, held) -> {
            if (held == null) {
                held = new LinkedHashMap<>();
            }
            trim(held, now);
            if (held.containsKey(sessionId) || held.size() < max) {
                held.putIfAbsent(sessionId, now);
                admitted[0] = true;
            }
            return held.isEmpty() ? null : held;
        });
        return admitted[0] ? ADMITTED : REFUSED;
    }

    @Override
    public Uni<Void> release(String owner, String sessionId) {
        if (max == 0) {
            return DONE;
        }
        long now = clock.millis();
        owners.computeIfPresent(owner, (key, held) -> {
            held.remove(sessionId);
            trim(held, now);
            return held.isEmpty() ? null : held;
        });
        return DONE;
    }

    /** How many owners are tracked (for tests: owners holding nothing must not stay). */
    int owners() {
        return owners.size();
    }

    /** Drops the admissions one TTL old or older; they come first, being in admission order. */
    private void trim(LinkedHashMap<String, Long> held, long now) {
        long cutoff = now - ttlMillis;
        for (Iterator<Long> it = held.values().iterator(); it.hasNext(); ) {
            if (it.next() > cutoff) {
                return;
            }
            it.remove();
        }
    }

    /** Owners that were never seen again after their last admission are dropped here, so memory stays bounded. */
    private void sweepIfDue(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + SWEEP_INTERVAL.toMillis();
        for (String owner : owners.keySet()) {
            owners.computeIfPresent(owner, (key, held) -> {
                trim(held, now);
                return held.isEmpty() ? null : held;
            });
        }
    }
}
