package dev.switchboard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.cluster.RedisReplicas;
import dev.switchboard.cluster.ReplicaBus;
import dev.switchboard.cluster.ReplicaMessages;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.input.ClientRequests;
import dev.switchboard.stream.ReplicaIdentity;
import dev.switchboard.stream.StreamHub;
import dev.switchboard.testing.Await;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This application (replica A) and a second replica B built here share one Redis: a client's answer POSTed to B
 * reaches the tool waiting on A, and a cancellation sent to B stops the call running on A. Run on each Redis topology.
 */
public abstract class CrossReplicaRequestsContract {

    @Inject
    ClientRequests clientRequestsA;

    @Inject
    RunningCalls runningA;

    @Inject
    StreamHub hub;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    RedisDataSource redis;

    @Inject
    SwitchboardConfig config;

    @Inject
    JsonCodec json;

    @Inject
    ReplicaBus busA;

    private ClientRequests clientRequestsB;
    private RunningCalls runningB;
    private Cancellable busB;

    @BeforeEach
    void secondReplica() {
        ReplicaIdentity b = new ReplicaIdentity();
        RedisReplicas replicasB = new RedisReplicas(reactiveRedis, json, b, config);
        clientRequestsB = new ClientRequests(config, replicasB);
        runningB = new RunningCalls(replicasB);
        String channel = ReplicaBus.channelPrefix(config) + b.id();
        busB = new ReplicaBus(hub, new ReplicaMessages(hub, clientRequestsB, runningB, null, null, json, b), json)
                .listen(reactiveRedis, channel, ReplicaBus.broadcastChannel(config));
        Await.until(() -> subscribers(channel) > 0);
    }

    /**
     * The connections listening on {@code channel}: {@code PUBSUB NUMSUB} answers for the server asked, which is all
     * of them with one server (or a Sentinel-watched master); a cluster's subclass asks every node.
     */
    protected long subscribers(String channel) {
        return redis.execute("PUBSUB", "NUMSUB", channel).get(1).toLong();
    }

    @AfterEach
    void stopSecondReplica() {
        busB.cancel();
    }

    @Test
    void anAnswerPostedToAnotherReplicaReachesTheWaitingTool() throws Exception {
        String session = UUID.randomUUID().toString();
        AtomicReference<JsonRpcRequest> sent = new AtomicReference<>();
        RequestChannel channel = message -> {
            sent.set((JsonRpcRequest) message);
            return true;
        };
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> clientRequestsA.call(
                session, channel, new CallControl(), "roots/list", JsonNodeFactory.instance.objectNode()));
        Await.until(() -> sent.get() != null);

        com.fasterxml.jackson.databind.node.ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("roots").addObject().put("uri", "file:///a");
        JsonRpcResponse answer = JsonRpcResponse.success(sent.get().id(), result);
        assertTrue(clientRequestsB.complete(session, answer).await().atMost(Duration.ofSeconds(5)));
        assertEquals(
                "file:///a",
                waiting.get(10, TimeUnit.SECONDS).at("/roots/0/uri").asText());

        assertFalse(
                clientRequestsB.complete(session, answer).await().atMost(Duration.ofSeconds(5)),
                "an answered request no longer waits anywhere");
    }

    /**
     * The application checks its subscription every 2 s by a probe through its own channel, and subscribes again when
     * the probe does not come back: on every topology it must come back, each time (a check by {@code PUBSUB NUMSUB}
     * through a cluster client asks one node, mostly not the one holding the subscription, and found it missing).
     */
    @Test
    void thisReplicaHearsItsOwnChannelEveryTime() {
        for (int i = 0; i < 10; i++) {
            assertTrue(busA.probe().await().atMost(Duration.ofSeconds(5)), "probe " + i);
        }
    }

    @Test
    void aCancellationSentToAnotherReplicaStopsTheCall() {
        String session = UUID.randomUUID().toString();
        JsonRpcId id = JsonRpcId.of(7);
        CallControl control = runningA.start(session, id);
        runningB.cancel(session, id);
        Await.until(control::isCancelled);
        assertTrue(control.cancelledByClient());
        runningA.finish(session, id, control);
    }
}
