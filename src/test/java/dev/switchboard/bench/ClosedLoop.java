package dev.switchboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: {@code connections} virtual users, each sending its next operation as soon as the previous one is
 * answered, first for the warm-up, then for the measured window. Only operations that start and end inside the window
 * count. Every callback runs on one Vert.x context (one thread), so the histogram and counters need no locks.
 */
final class ClosedLoop {

    /**
     * What the measured window saw. Latency in microseconds. {@code perSecond}: operations that succeeded in each
     * second from the start of the loop (the first operation), warm-up included, for a process's time to peak.
     */
    record Window(long operations, long errors, Histogram latency, Map<String, Long> errorReasons, long[] perSecond) {}

    private static final int SET_UP_LANES = 8;
    private static final int STRAGGLER_WAIT_SECONDS = 20;

    private final Vertx vertx;
    private final McpClient client;
    private final Scenario scenario;
    private final int connections;

    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final Map<String, Long> errorReasons = new TreeMap<>();
    private long operations;
    private long errors;
    private long loopStart;
    private long[] perSecond;
    private long windowStart;
    private long windowEnd;
    private int running;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    ClosedLoop(Vertx vertx, McpClient client, Scenario scenario, int connections) {
        this.vertx = vertx;
        this.client = client;
        this.scenario = scenario;
        this.connections = connections;
    }

    /**
     * Sets up the users, then runs warm-up and window; {@code atWindowStart} and {@code atWindowEnd} run on the
     * calling thread at the window's edges (they read counters that are not on the event loop).
     */
    Window run(Duration warmup, Duration window, Runnable atWindowStart, Runnable atWindowEnd) throws Exception {
        Context context = vertx.getOrCreateContext();
        List<Scenario.User> users = new ArrayList<>(connections);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            for (int i = 0; i < connections; i++) {
                users.add(new Scenario.User(i));
            }
            // A few set-ups at a time: opening hundreds of sessions at once is a load test of its own.
            int lanes = Math.min(SET_UP_LANES, connections);
            List<Future<Void>> setUps = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                Future<Void> chain = Future.succeededFuture();
                for (int i = lane; i < connections; i += lanes) {
                    Scenario.User user = users.get(i);
                    chain = chain.compose(done -> scenario.setUp(client, user));
                }
                setUps.add(chain);
            }
            Future.all(setUps).onComplete(done -> {
                if (done.succeeded()) {
                    ready.complete(null);
                } else {
                    ready.completeExceptionally(done.cause());
                }
            });
        });
        ready.get(120, TimeUnit.SECONDS);

        long now = System.nanoTime();
        loopStart = now;
        perSecond = new long[(int) (warmup.plus(window).toSeconds() + 1)];
        windowStart = now + warmup.toNanos();
        windowEnd = windowStart + window.toNanos();
        running = connections;
        context.runOnContext(ignored -> users.forEach(this::next));

        sleepUntil(windowStart);
        atWindowStart.run();
        sleepUntil(windowEnd);
        atWindowEnd.run();
        try {
            finished.get(STRAGGLER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Operations still unanswered long after the window are errors, not something to wait for forever.
            CompletableFuture<Void> counted = new CompletableFuture<>();
            context.runOnContext(ignored -> {
                errors += running;
                errorReasons.merge(
                        "no answer " + STRAGGLER_WAIT_SECONDS + " s after the window ended", (long) running, Long::sum);
                counted.complete(null);
            });
            counted.get(10, TimeUnit.SECONDS);
        }
        return new Window(operations, errors, latency, errorReasons, perSecond);
    }

    private void next(Scenario.User user) {
        long start = System.nanoTime();
        Future<Void> operation;
        try {
            operation = scenario.operation(client, user);
        } catch (RuntimeException e) {
            operation = Future.failedFuture(e);
        }
        operation.onComplete(outcome -> {
            long end = System.nanoTime();
            int second = (int) ((end - loopStart) / 1_000_000_000L);
            if (outcome.succeeded() && second < perSecond.length) {
                perSecond[second]++;
            }
            if (start >= windowStart && end <= windowEnd) {
                if (outcome.succeeded()) {
                    operations++;
                    latency.recordValue(Math.max(1, (end - start) / 1_000));
                } else {
                    errors++;
                    errorReasons.merge(reason(outcome.cause()), 1L, Long::sum);
                }
            }
            if (end < windowEnd) {
                next(user);
            } else if (--running == 0) {
                finished.complete(null);
            }
        });
    }

    private static String reason(Throwable failure) {
        String message = failure instanceof Scenario.Failed ? failure.getMessage() : failure.toString();
        // one bucket per kind of answer, not per request id
        return message.replaceAll("\"id\":\\d+", "\"id\":N")
                .replaceAll("\"progressToken\":\\d+", "\"progressToken\":N")
                .replaceAll("id:\\S+", "id:X");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
