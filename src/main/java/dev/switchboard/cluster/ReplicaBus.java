package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.stream.ReplicaIdentity;
import dev.switchboard.stream.StreamHub;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * This replica's Redis pub/sub: its own channel (stream events for connections held here, stream take-overs,
 * answers to requests waiting here) and the broadcast channel (cancellations). Two channels per replica, however
 * many sessions there are; subscribed at start-up, and again after Redis comes back. Only with the Redis store.
 */
@ApplicationScoped
public class ReplicaBus {

    private static final Logger LOG = Logger.getLogger(ReplicaBus.class);

    private final StreamHub hub;
    private final ReplicaMessages messages;
    private final JsonCodec json;
    /** How often the subscription is checked. */
    private static final Duration WATCH = Duration.ofSeconds(2);
    /** How long a probe may take to come back through the subscription (it takes a millisecond when it does). */
    private static final Duration PROBE_TIMEOUT = WATCH;

    private final AtomicLong probes = new AtomicLong();
    private final Map<Long, CompletableFuture<Void>> pendingProbes = new ConcurrentHashMap<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    /** How long a probe confirming a new subscription waits before the next one is sent. */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofMillis(250);

    private final AtomicBoolean confirming = new AtomicBoolean();
    private volatile boolean listening;
    private volatile boolean stopped;

    private volatile Cancellable subscription;
    private ReactiveRedisDataSource redis;
    private String[] channels;
    private Duration resumeHint;
    private Vertx vertx;
    private long watch;

    public ReplicaBus(StreamHub hub, ReplicaMessages messages, JsonCodec json) {
        this.hub = hub;
        this.messages = messages;
        this.json = json;
    }

    /** The channel of a replica is this prefix followed by its id. */
    public static String channelPrefix(SwitchboardConfig config) {
        return config.sessions().redisKeyPrefix() + ":replica:";
    }

    /** The channel every replica listens to. */
    public static String broadcastChannel(SwitchboardConfig config) {
        return config.sessions().redisKeyPrefix() + ":replicas";
    }

    void onStart(
            @Observes StartupEvent event,
            SwitchboardConfig config,
            ReplicaIdentity replica,
            Instance<ReactiveRedisDataSource> redis,
            Vertx vertx) {
        if (config.sessions().store() == SwitchboardConfig.StoreKind.REDIS) {
            this.vertx = vertx;
            this.resumeHint = config.streams().retry();
            subscription = listen(redis.get(), channelPrefix(config) + replica.id(), broadcastChannel(config));
            watch = vertx.setPeriodic(WATCH.toMillis(), id -> checkSubscribed());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(watch);
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /**
     * A subscription can end without a failure, e.g. when Redis restarts and drops its connection: now and then this
     * replica publishes a {@link #probe} on its own channel, and subscribes again when the probe does not come back.
     * A probe rather than {@code PUBSUB NUMSUB}: in a Redis Cluster that command counts the subscribers of the one node
     * it reaches, while the subscription is held on a node of the client's choosing, so it would answer 0 most of the
     * time and this replica would drop and renew its subscription every few seconds, losing what was sent meanwhile.
     */
    private void checkSubscribed() {
        if (!probing.compareAndSet(false, true)) {
            return; // the previous probe is still out
        }
        probe().subscribe()
                .with(
                        heard -> {
                            probing.set(false);
                            if (!heard) {
                                resubscribe();
                            }
                        },
                        unreachable -> probing.set(false)); // Redis is down: the next check tries again
    }

    /**
     * Publishes a probe on this replica's channel: true once it comes back through the subscription, false when it has
     * not within {@link #PROBE_TIMEOUT}. One {@code PUBLISH}, which reaches every node of a Redis Cluster.
     */
    public Uni<Boolean> probe() {
        return probe(PROBE_TIMEOUT);
    }

    private Uni<Boolean> probe(Duration timeout) {
        if (channels == null) {
            return Uni.createFrom().failure(new IllegalStateException("This replica has no Redis channels"));
        }
        long id = probes.incrementAndGet();
        CompletableFuture<Void> back = new CompletableFuture<>();
        pendingProbes.put(id, back);
        return RedisScript.command(redis, "PUBLISH", channels[0], json.write(Map.of("k", "probe", "n", id)))
                .chain(() -> Uni.createFrom()
                        .completionStage(back)
                        .replaceWith(Boolean.TRUE)
                        .ifNoItem()
                        .after(timeout)
                        .recoverWithItem(Boolean.FALSE))
                .eventually(() -> pendingProbes.remove(id));
    }

    private synchronized void resubscribe() {
        LOG.info("This replica's Redis channels were lost (Redis restarted or failed over?); subscribing again");
        listening = false;
        subscription.cancel();
        subscription = listen(redis, channels);
        resumeStreamsHeldHere();
    }

    /**
     * Events forwarded to this replica while its channels were lost never arrive, though the log has them: the SSE
     * connections held here are closed with a reconnection hint, and their clients resume (here or elsewhere) after
     * the last event they got, so every logged event reaches them once and in order.
     */
    private void resumeStreamsHeldHere() {
        if (resumeHint != null) {
            Infrastructure.getDefaultWorkerPool().execute(() -> hub.closeAll(resumeHint));
        }
    }

    /** Whether this replica's channels are known to be listening (always, without Redis): a readiness condition. */
    public boolean listening() {
        return channels == null || listening;
    }

    /**
     * Subscribing is asynchronous: a replica that has started may not hear its channel yet, and what other replicas
     * forward meanwhile is lost to pub/sub. Probes go out until one comes back; then the replica is ready, and the
     * streams resumed here in the meantime get from the log what they missed.
     */
    private void confirmListening() {
        if (stopped || !confirming.compareAndSet(false, true)) {
            return;
        }
        probe(CONFIRM_TIMEOUT)
                .onFailure()
                .recoverWithUni(unreachable -> Uni.createFrom()
                        .item(Boolean.FALSE)
                        .onItem()
                        .delayIt()
                        .by(CONFIRM_TIMEOUT)) // Redis is down: try again shortly
                .subscribe()
                .with(heard -> {
                    confirming.set(false);
                    if (heard) {
                        listening = true;
                        Infrastructure.getDefaultWorkerPool().execute(hub::catchUp);
                    } else {
                        confirmListening();
                    }
                });
    }

    /**
     * Listens to the channels (this replica's own first), resubscribing with back-off whenever the subscription fails,
     * and confirms the subscription ({@link #listening}).
     */
    public Cancellable listen(ReactiveRedisDataSource redis, String... channels) {
        this.redis = redis;
        this.channels = channels;
        Cancellable listener = redis.pubsub(String.class)
                .subscribe(channels)
                .onFailure()
                .invoke(failure -> {
                    LOG.debugf("Replica channels lost: %s; subscribing again", failure.getMessage());
                    resumeStreamsHeldHere();
                })
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(this::onMessage, failure -> LOG.error("Replica channels stopped", failure));
        confirmListening();
        return listener;
    }

    private void onMessage(String message) {
        JsonNode node = json.read(message, JsonNode.class);
        if ("probe".equals(node.path("k").asText())) {
            CompletableFuture<Void> back = pendingProbes.get(node.path("n").asLong());
            if (back != null) {
                back.complete(null);
            }
        } else {
            messages.handle(node);
        }
    }
}
