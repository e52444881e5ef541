package dev.switchboard.console;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.stream.ReplicaIdentity;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The replicas alive now, for the console: every replica writes its presence every 10 s, and those heard from within
 * the last 30 s are listed. With the Redis store: {@code <prefix>:replicas}, a sorted set of replica ids by their last
 * heartbeat (epoch ms, pruned when read), and {@code <prefix>:replicas:<id>}, the replica's JSON (host, start,
 * last heartbeat) expiring 30 s after its last heartbeat. Two commands per replica every 10 s while the console is on,
 * none per request. With the memory store this process is alone. Ids are {@link ReplicaIdentity}'s, as the stream owners record them.
 */
@ApplicationScoped
public class ReplicaRoster {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration FRESH = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ReplicaRoster.class);

    /** What a replica writes of itself. */
    @RegisterForReflection
    public record Presence(String id, String host, Instant startedAt, Instant lastSeenAt) {}

    private final String id;
    private final String host;
    private final Instant startedAt;
    private final Clock clock;
    private final JsonCodec json;
    private final ReactiveRedisDataSource redis;
    private final String setKey;
    private Vertx vertx;
    private long timer = -1;

    public ReplicaRoster(
            ReplicaIdentity identity,
            Clock clock,
            JsonCodec json,
            SwitchboardConfig config,
            Instance<ReactiveRedisDataSource> redis) {
        this.id = identity.id();
        this.clock = clock;
        this.json = json;
        this.startedAt = clock.instant();
        this.host = hostName();
        this.redis = config.sessions().store() == SwitchboardConfig.StoreKind.REDIS ? redis.get() : null;
        this.setKey = config.sessions().redisKeyPrefix() + ":replicas";
    }

    void onStart(@Observes StartupEvent event, ConsoleConfig console, Vertx vertx) {
        if (redis != null && console.enabled()) {
            this.vertx = vertx;
            beat();
            timer = vertx.setPeriodic(HEARTBEAT.toMillis(), ignored -> beat());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            // Best effort: a replica that stops cleanly leaves the list at once, one that dies within 30 s.
            RedisScript.command(redis, "ZREM", setKey, id).subscribe().with(ignored -> {}, failure -> {});
        }
    }

    /** This replica's id. */
    public String self() {
        return id;
    }

    /** The replicas heard from within the last 30 s, this one included, oldest first. */
    public Uni<List<Presence>> alive() {
        Instant now = clock.instant();
        if (redis == null) {
            return Uni.createFrom().item(List.of(new Presence(id, host, startedAt, now)));
        }
        String stale = Long.toString(now.minus(FRESH).toEpochMilli());
        return RedisScript.command(redis, "ZREMRANGEBYSCORE", setKey, "-inf", "(" + stale)
                .chain(() -> RedisScript.command(redis, "ZRANGE", setKey, "0", "-1"))
                .chain(ids -> {
                    List<Uni<Response>> reads = new ArrayList<>();
                    ids.forEach(member -> reads.add(RedisScript.command(redis, "GET", infoKey(member.toString()))));
                    if (reads.isEmpty()) {
                        return Uni.createFrom().item(List.<Presence>of());
                    }
                    return Uni.join()
                            .all(reads)
                            .andFailFast()
                            .map(found -> found.stream()
                                    .filter(reply -> reply != null)
                                    .map(reply -> json.read(reply.toString(), Presence.class))
                                    .sorted(Comparator.comparing(Presence::startedAt)
                                            .thenComparing(Presence::id))
                                    .toList());
                });
    }

    private void beat() {
        Instant now = clock.instant();
        String presence = json.write(new Presence(id, host, startedAt, now));
        Uni.combine()
                .all()
                .unis(
                        RedisScript.command(redis, "ZADD", setKey, Long.toString(now.toEpochMilli()), id),
                        RedisScript.command(redis, "SET", infoKey(id), presence, "PX", Long.toString(FRESH.toMillis())))
                .discardItems()
                .subscribe()
                .with(ignored -> {}, failure -> LOG.debugf("Replica heartbeat not written: %s", failure));
    }

    private String infoKey(String replica) {
        return setKey + ":" + replica;
    }

    /** The host name as the platform names it (a pod's name in Kubernetes), read once at start-up. */
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
