package dev.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.testing.RedisTopology;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripts started in one event-loop turn reach Redis as one batch, each answer going to its own caller. */
class ScriptBatchesTest {

    private static final RedisScript PROBE = RedisScript.load("batch-probe");
    private static final int SCRIPTS = 12;

    private static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void scriptsOfOneTurnRunOnceEachAndAnswerTheirOwnCaller(RedisTopology topology) throws Exception {
        try (RedisTopology.Client client = topology.client(vertx)) {
            String prefix = "{batch-" + UUID.randomUUID() + "}:";
            PROBE.run(client.dataSource(), List.of(prefix + "warm"), "warm")
                    .await()
                    .indefinitely(); // loaded
            long evals = topology.calls("eval");
            long evalshas = topology.calls("evalsha");

            // Keys without a shared hash tag: in a cluster, slots of their own.
            List<CompletableFuture<Response>> replies =
                    runInOneTurn(client, SCRIPTS, i -> "batch-" + UUID.randomUUID() + i);

            for (int i = 0; i < SCRIPTS; i++) {
                Response reply = replies.get(i).get(10, TimeUnit.SECONDS);
                assertEquals("arg" + i, reply.get(0).toString(), "the answer of script " + i + " went to its caller");
                assertEquals(1, reply.get(1).toInteger(), "script " + i + " ran once");
            }
            if (topology == RedisTopology.CLUSTER) {
                // Keys in many slots: the client refuses the batch before sending it, so each script went alone (as
                // EVALSHA, then EVAL on the masters that did not know the script yet).
                assertEquals(SCRIPTS, topology.calls("evalsha") - evalshas);
            } else {
                assertEquals(SCRIPTS, topology.calls("eval") - evals, "one batch, each script as EVAL");
                assertEquals(0, topology.calls("evalsha") - evalshas);
            }
        }
    }

    @Test
    void moreScriptsThanAConnectionAwaitsGoInSeveralBatches() throws Exception {
        RedisTopology topology = RedisTopology.STANDALONE;
        try (RedisTopology.Client client = topology.client(vertx)) {
            int scripts = 2_100; // one batch would exceed the 2,048 replies a connection awaits by default
            long evals = topology.calls("eval");
            String prefix = "batch-many-" + UUID.randomUUID() + ":";

            List<CompletableFuture<Response>> replies = runInOneTurn(client, scripts, i -> prefix + i);

            for (int i = 0; i < scripts; i++) {
                Response reply = replies.get(i).get(20, TimeUnit.SECONDS);
                assertEquals("arg" + i, reply.get(0).toString());
                assertEquals(1, reply.get(1).toInteger());
            }
            assertEquals(scripts, topology.calls("eval") - evals, "all batched");
        }
    }

    @Test
    void aScriptStartedOffTheEventLoopGoesAlone() {
        RedisTopology topology = RedisTopology.STANDALONE;
        try (RedisTopology.Client client = topology.client(vertx)) {
            String key = "batch-alone-" + UUID.randomUUID();
            PROBE.run(client.dataSource(), List.of(key), "warm").await().indefinitely();
            long evals = topology.calls("eval");
            long evalshas = topology.calls("evalsha");

            Response reply = PROBE.run(client.dataSource(), List.of(key), "again")
                    .await()
                    .atMost(Duration.ofSeconds(10));

            assertEquals(2, reply.get(1).toInteger());
            assertEquals(1, topology.calls("evalsha") - evalshas, "EVALSHA, as before batches");
            assertEquals(0, topology.calls("eval") - evals);
        }
    }

    @Test
    void eachCallerContinuesOnItsOwnContext() throws Exception {
        try (RedisTopology.Client client = RedisTopology.STANDALONE.client(vertx)) {
            ContextInternal root = (ContextInternal) vertx.getDelegate().getOrCreateContext();
            List<CompletableFuture<Boolean>> own =
                    List.of(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
            root.runOnContext(ignored -> {
                for (CompletableFuture<Boolean> continuedOnIt : own) {
                    ContextInternal caller = root.duplicate();
                    String key = "batch-context-" + UUID.randomUUID();
                    caller.dispatch(nothing -> PROBE.run(client.dataSource(), List.of(key), "x")
                            .subscribe()
                            .with(
                                    reply -> continuedOnIt.complete(io.vertx.core.Vertx.currentContext() == caller),
                                    continuedOnIt::completeExceptionally));
                }
            });
            for (CompletableFuture<Boolean> continuedOnIt : own) {
                assertTrue(
                        continuedOnIt.get(10, TimeUnit.SECONDS),
                        "the reply reached its caller on the caller's context");
            }
        }
    }

    @Test
    void aBatchWithAFailingScriptFailsEachOfItsScriptsAsTheStoreUnavailable() throws Exception {
        try (RedisTopology.Client client = RedisTopology.STANDALONE.client(vertx)) {
            String list = "batch-list-" + UUID.randomUUID();
            client.redis()
                    .send(Request.cmd(Command.RPUSH).arg(list).arg("x"))
                    .await()
                    .indefinitely();
            List<CompletableFuture<Response>> replies = runInOneTurn(
                    client, SCRIPTS, i -> i == 0 ? list : "batch-ok-" + UUID.randomUUID()); // INCR on a list

            for (CompletableFuture<Response> reply : replies) {
                ExecutionException failure =
                        assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
                assertInstanceOf(StoreUnavailableException.class, failure.getCause());
                assertTrue(
                        failure.getCause().getMessage().contains("WRONGTYPE"),
                        failure.getCause().getMessage());
            }
        }
    }

    /** Starts {@code count} probes in one event-loop task, script {@code i} on key {@code keys.apply(i)}. */
    private static List<CompletableFuture<Response>> runInOneTurn(
            RedisTopology.Client client, int count, IntFunction<String> keys) {
        List<CompletableFuture<Response>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(new CompletableFuture<>());
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.getDelegate().getOrCreateContext().runOnContext(ignored -> {
            for (int i = 0; i < count; i++) {
                CompletableFuture<Response> reply = replies.get(i);
                PROBE.run(client.dataSource(), List.of(keys.apply(i)), "arg" + i)
                        .subscribe()
                        .with(reply::complete, reply::completeExceptionally);
            }
            started.complete(null);
        });
        started.join();
        return replies;
    }
}
