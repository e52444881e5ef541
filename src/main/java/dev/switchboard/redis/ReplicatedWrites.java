package dev.switchboard.redis;

import dev.switchboard.api.StoreUnavailableException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends a write that matters followed by {@code WAIT <replicas> <timeout>} in one batch: one connection, one round
 * trip, and in Redis Cluster the master of the write's slot (the client routes a batch by its keyed command), so the
 * {@code WAIT} counts the replicas of the master that took the write. The write succeeds only once enough replicas
 * have it; otherwise it fails as the store being unavailable (503 + {@code Retry-After}).
 */
@Singleton
public class ReplicatedWrites {

    private static final Logger LOG = Logger.getLogger(ReplicatedWrites.class);
    /** How long a detected replica count is trusted before it is checked again. */
    private static final long RECHECK_MILLIS = Duration.ofMinutes(1).toMillis();
    /** How long writes stop waiting once the master that took one has no replica left. */
    private static final long WITHOUT_REPLICA_MILLIS = Duration.ofSeconds(10).toMillis();

    private final ReactiveRedisDataSource redis;
    private final Integer configured;
    private final long timeoutMillis;
    private volatile int detected = -1;
    private volatile long detectedAt;
    private volatile long withoutReplicaUntil;

    @Inject
    public ReplicatedWrites(ReactiveRedisDataSource redis, ReplicaAckConfig config) {
        this(redis, config.replicaAcks().orElse(null), config.replicaAckTimeout());
    }

    /** @param acks the replicas to wait for, or null to wait for one when the master has a replica */
    public ReplicatedWrites(ReactiveRedisDataSource redis, Integer acks, Duration timeout) {
        if (acks != null && acks < 0) {
            throw new IllegalArgumentException("switchboard.redis.replica-acks must be 0 (off) or more, not " + acks);
        }
        this.redis = redis;
        this.configured = acks;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Waits for one replica when the master has one, at most a second: the defaults, for code outside CDI. */
    public static ReplicatedWrites detecting(ReactiveRedisDataSource redis) {
        return new ReplicatedWrites(redis, (Integer) null, Duration.ofSeconds(1));
    }

    /** Runs the script, then waits for the replicas. */
    public Uni<Response> run(RedisScript script, List<String> keys, String... args) {
        return acks().chain(acks -> acks == 0
                ? script.run(redis, keys, args)
                : acknowledged(script.evalsha(keys, args), acks, keys.get(0))
                        .onFailure(RedisScript::isNoScript)
                        .recoverWithUni(() -> acknowledged(script.eval(keys, args), acks, keys.get(0)))
                        .onFailure(failure -> !(failure instanceof StoreUnavailableException))
                        .transform(RedisScript::unavailable));
    }

    /** Sends the command, then waits for the replicas. */
    public Uni<Response> command(String command, String... args) {
        return acks().chain(acks -> {
            if (acks == 0) {
                return RedisScript.command(redis, command, args);
            }
            Request request = Request.cmd(Command.create(command));
            for (String arg : args) {
                request.arg(arg);
            }
            return acknowledged(request, acks, args[0])
                    .onFailure(failure -> !(failure instanceof StoreUnavailableException))
                    .transform(RedisScript::unavailable);
        });
    }

    private Uni<Response> acknowledged(Request write, int acks, String key) {
        Request wait = Request.cmd(Command.WAIT).arg(acks).arg(timeoutMillis);
        // Bounded like every store command: a Redis that hangs must not hold the request.
        return RedisScript.bounded(
                        redis.getRedis().batch(List.of(write, wait)),
                        RedisScript.timeout().plusMillis(timeoutMillis))
                .chain(replies -> {
                    long acknowledged = replies.get(1).toLong();
                    if (acknowledged >= acks) {
                        return Uni.createFrom().item(replies.get(0));
                    }
                    StoreUnavailableException refused = new StoreUnavailableException(
                            "A Redis write was acknowledged by " + acknowledged + " of the " + acks
                                    + " replica(s) required"
                                    + " within " + timeoutMillis
                                    + " ms (switchboard.redis.replica-acks, replica-ack-timeout);"
                                    + " the client is not told it succeeded",
                            null);
                    return configured != null
                            ? Uni.createFrom().failure(refused)
                            : checkReplicasOf(key).chain(() -> Uni.createFrom().failure(refused));
                });
    }

    /**
     * Auto mode, after a write went unacknowledged: asks the master that took it (a batch routed by the key) whether it
     * has a replica left. A master without one (after a failover, until the old master returns as its replica) cannot
     * acknowledge anything, so writes stop waiting for a while: availability over an acknowledgement no replica can
     * give. Set {@code switchboard.redis.replica-acks} to refuse such writes instead.
     */
    private Uni<Void> checkReplicasOf(String key) {
        return RedisScript.bounded(
                        redis.getRedis()
                                .batch(List.of(
                                        Request.cmd(Command.EXISTS).arg(key),
                                        Request.cmd(Command.INFO).arg("replication"))),
                        RedisScript.timeout())
                .invoke(replies -> {
                    if (replicasIn(replies.get(1).toString()) == 0) {
                        LOG.warnf(
                                "A Redis master has no replica (a failover?): writes are not acknowledged by a replica"
                                        + " for the next %d s",
                                WITHOUT_REPLICA_MILLIS / 1000);
                        withoutReplicaUntil = System.currentTimeMillis() + WITHOUT_REPLICA_MILLIS;
                    }
                })
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    /** The replicas to wait for: configured, or 1 when the master has a replica (checked now and then). */
    Uni<Integer> acks() {
        if (configured != null) {
            return Uni.createFrom().item(configured);
        }
        if (System.currentTimeMillis() < withoutReplicaUntil) {
            return Uni.createFrom().item(0);
        }
        int known = detected;
        if (known >= 0 && System.currentTimeMillis() - detectedAt < RECHECK_MILLIS) {
            return Uni.createFrom().item(known);
        }
        Uni<Integer> detection = RedisScript.command(redis, "INFO", "replication")
                .map(info -> replicasIn(info.toString()))
                .invoke(replicas -> {
                    if (replicas != detected) {
                        LOG.infof(
                                "Redis writes that matter wait for %d replica acknowledgement(s)%s",
                                replicas, replicas == 0 ? " (the master has no replica)" : "");
                    }
                    detected = replicas;
                    detectedAt = System.currentTimeMillis();
                });
        if (known < 0) {
            return detection; // the first write waits for the answer
        }
        detectedAt = System.currentTimeMillis(); // one check at a time; the known count serves meanwhile
        detection.subscribe().with(ignored -> {}, unreachable -> detectedAt = 0);
        return Uni.createFrom().item(known);
    }

    /** 1 when {@code INFO replication} shows a replica (a master with replicas, or the replica itself), else 0. */
    static int replicasIn(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("role:slave")) {
                return 1;
            }
            if (line.startsWith("connected_slaves:")) {
                return Integer.parseInt(line.substring("connected_slaves:".length())
                                        .trim())
                                > 0
                        ? 1
                        : 0;
            }
        }
        return 0;
    }
}
