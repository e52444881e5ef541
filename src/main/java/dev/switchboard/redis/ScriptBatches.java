package dev.switchboard.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Group commit of store scripts: the scripts that requests on one event-loop thread start in the same turn go to Redis
 * as one batch at the end of it, one write and one read instead of one of each per script. With Redis on the
 * service's CPU, each round trip of its own switched the CPU from the JVM to Redis and back, and those switches were
 * most of what a Redis session cost over an in-memory one (docs/benchmarks.md).
 *
 * <p>A batched script goes as {@code EVAL} with its source, so that no {@code NOSCRIPT} (a restarted Redis, a
 * promoted replica) can fail the batch: a Vert.x batch that gets any error reply fails as a whole and drops the other
 * replies. A batch that fails therefore fails each of its scripts, whose outcome is then unknown, as after a timeout:
 * the caller answers 503. A script alone in its turn, or started off the event loop, is sent as before. A Redis Cluster
 * client refuses, before sending anything, a batch whose keys are in more than one slot: those scripts are then sent
 * one by one, and that data source is not batched again.
 */
final class ScriptBatches {

    /** A script waiting for the end of the turn, with the context its caller continues on. */
    private record Pending(
            ReactiveRedisDataSource redis,
            Request request,
            Supplier<Uni<Response>> alone,
            Context context,
            UniEmitter<? super Response> emitter) {

        void complete(Response reply) {
            on(context, () -> emitter.complete(reply));
        }

        void fail(Throwable failure) {
            on(context, () -> emitter.fail(failure));
        }

        private static void on(Context context, Runnable action) {
            if (Vertx.currentContext() == context) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }

    /** The most scripts in one batch: a turn under heavy load may start thousands. */
    static final int MAX_BATCH = 128;

    /** The scripts of the current turn, per event-loop thread (null between turns). */
    private static final ThreadLocal<List<Pending>> TURN = new ThreadLocal<>();

    /** Cluster clients found refusing batches across slots (in production at most the one data source). */
    private static final Set<ReactiveRedisDataSource> UNBATCHED = ConcurrentHashMap.newKeySet();

    private ScriptBatches() {}

    /**
     * Sends {@code batched} with the other scripts its event-loop thread starts in this turn, or {@code alone} when it
     * is subscribed to off the event loop or for a cluster client that cannot batch them.
     */
    static Uni<Response> send(ReactiveRedisDataSource redis, Supplier<Request> batched, Supplier<Uni<Response>> alone) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null || !Context.isOnEventLoopThread() || UNBATCHED.contains(redis)) {
                return alone.get();
            }
            return Uni.createFrom().emitter(emitter -> {
                List<Pending> turn = TURN.get();
                if (turn == null) {
                    turn = new ArrayList<>();
                    TURN.set(turn);
                    context.runOnContext(ignored -> flush()); // the same thread, after the tasks of this turn
                }
                turn.add(new Pending(redis, batched.get(), alone, context, emitter));
            });
        });
    }

    private static void flush() {
        List<Pending> turn = TURN.get();
        TURN.remove();
        if (turn == null) {
            return;
        }
        Map<ReactiveRedisDataSource, List<Pending>> bySource = new IdentityHashMap<>();
        for (Pending pending : turn) {
            bySource.computeIfAbsent(pending.redis(), ignored -> new ArrayList<>())
                    .add(pending);
        }
        bySource.values().forEach(ScriptBatches::sendTogether);
    }

    private static void sendTogether(List<Pending> scripts) {
        if (scripts.size() > MAX_BATCH) { // a connection awaits a bounded number of replies (max-waiting-handlers)
            for (int from = 0; from < scripts.size(); from += MAX_BATCH) {
                sendTogether(scripts.subList(from, Math.min(scripts.size(), from + MAX_BATCH)));
            }
            return;
        }
        if (scripts.size() == 1) {
            sendAlone(scripts.get(0));
            return;
        }
        List<Request> requests = scripts.stream().map(Pending::request).toList();
        scripts.get(0)
                .redis()
                .getRedis()
                .batch(requests)
                .subscribe()
                .with(
                        replies -> {
                            for (int i = 0; i < scripts.size(); i++) {
                                scripts.get(i).complete(replies.get(i));
                            }
                        },
                        failure -> {
                            if (isAcrossSlots(failure)) { // refused before sending: nothing ran
                                UNBATCHED.add(scripts.get(0).redis());
                                scripts.forEach(ScriptBatches::sendAlone);
                            } else {
                                scripts.forEach(pending -> pending.fail(failure));
                            }
                        });
    }

    private static void sendAlone(Pending pending) {
        pending.alone().get().subscribe().with(pending::complete, pending::fail);
    }

    private static boolean isAcrossSlots(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("CROSSSLOT") && message.contains("client side");
    }
}
