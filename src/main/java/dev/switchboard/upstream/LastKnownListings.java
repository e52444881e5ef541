package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The last list each upstream gave, kept in Redis with a TTL ({@code <prefix>:upstream:<name>:listing}), so a replica
 * that starts while an upstream is down still lists its tools, as unavailable. With the memory store there is no
 * other replica and nothing survives a restart: nothing is kept. Blocks: call it off the event loop.
 */
@ApplicationScoped
class LastKnownListings {

    private static final Logger LOG = Logger.getLogger(LastKnownListings.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A listing and when it was read. */
    @RegisterForReflection
    record Saved(Instant readAt, UpstreamListing listing) {}

    private final Instance<ReactiveRedisDataSource> redis;
    private final ObjectMapper mapper;
    private final boolean shared;
    private final String keyPrefix;

    LastKnownListings(Instance<ReactiveRedisDataSource> redis, ObjectMapper mapper, SwitchboardConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.shared = config.sessions().store() == SwitchboardConfig.StoreKind.REDIS;
        this.keyPrefix = config.sessions().redisKeyPrefix() + ":upstream:";
    }

    /** Keeps what an upstream just listed; a failure only costs the next replica's head start. */
    void save(String upstream, UpstreamListing listing, Duration ttl) {
        if (!shared) {
            return;
        }
        try {
            String value = mapper.writeValueAsString(new Saved(Instant.now(), listing));
            RedisScript.command(redis.get(), "SET", key(upstream), value, "PX", Long.toString(ttl.toMillis()))
                    .await()
                    .atMost(TIMEOUT);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Upstream '%s': its list was not kept in Redis: %s", upstream, e.toString());
        }
    }

    /** The last list any replica read from the upstream, if it has not expired. */
    Optional<Saved> load(String upstream) {
        if (!shared) {
            return Optional.empty();
        }
        try {
            Response value = RedisScript.command(redis.get(), "GET", key(upstream))
                    .await()
                    .atMost(TIMEOUT);
            return value == null ? Optional.empty() : Optional.of(mapper.readValue(value.toString(), Saved.class));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Upstream '%s': no last known list: %s", upstream, e.toString());
            return Optional.empty();
        }
    }

    private String key(String upstream) {
        return keyPrefix + upstream + ":listing";
    }
}
