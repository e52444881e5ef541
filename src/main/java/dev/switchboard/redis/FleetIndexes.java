package dev.switchboard.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The fleet indexes this replica writes (sessions, tasks), one {@link FleetIndexWriter} each, and their last batches
 * written on a graceful stop. Created only with a Redis store: the memory stores never open a Redis connection.
 */
@ApplicationScoped
public class FleetIndexes {

    private static final Logger LOG = Logger.getLogger(FleetIndexes.class);
    /** How long a graceful stop waits for the last batches. */
    private static final Duration LAST_WRITES = Duration.ofSeconds(5);

    private final ReactiveRedisDataSource redis;
    private final Map<String, FleetIndexWriter> writers = new ConcurrentHashMap<>();

    public FleetIndexes(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** The writer of the index {@code key}, which keeps the newest {@value FleetIndex#KEPT} members. */
    public FleetIndexWriter writer(String key) {
        return writers.computeIfAbsent(key, name -> new FleetIndexWriter(redis, name, FleetIndex.KEPT));
    }

    /** Writes what every index holds back now. */
    public Uni<Void> flushAll() {
        List<Uni<Void>> flushes = new ArrayList<>();
        writers.values().forEach(writer -> flushes.add(writer.flush()));
        return flushes.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(flushes).andCollectFailures().replaceWithVoid();
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        try {
            flushAll().await().atMost(LAST_WRITES);
        } catch (RuntimeException e) {
            LOG.warnf("The console's fleet index misses some sessions or tasks created last: %s", e.getMessage());
        }
    }
}
