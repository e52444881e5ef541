package dev.switchboard.replicas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import dev.switchboard.testing.Stateless;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * MCP tasks across two packaged replicas sharing one redis-server, as child processes on loopback, with a slow
 * SearXNG (WireMock) behind the {@code research} tool: a task created on A is read, cancelled and answered on B; a
 * completed one outlives its replica until its TTL; a task whose replica is killed ({@code SIGKILL}) is failed by the
 * other replica's lease sweeper within {@code lease + lease / 3}, while one cancelled after the kill stays cancelled;
 * a 2025-11-25 {@code tasks/result} on B waits for a task running on A. Each step prints what it measured.
 *
 * <p>The steps run in order and build on each other (A is killed in step 4 and started again in step 5).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskReplicasIT {

    private static final String EXTENSION = "io.modelcontextprotocol/tasks";
    private static final String OPT_IN = "{\"extensions\":{\"" + EXTENSION + "\":{}}}";
    private static final String RELATED_TASK = "io.modelcontextprotocol/related-task";
    private static final String RESTARTED = "The server running this task stopped or restarted";
    private static final String SESSION_ERA = "2025-11-25";

    /** Short, so the sweeper's bound (lease + lease / 3 = 4 s) fits a test. */
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static final Duration SWEEP_BOUND = LEASE.plus(LEASE.dividedBy(3));
    /** Scheduling slack on a loaded 2-core machine: a sweep tick and a few Redis round trips late. */
    private static final Duration MARGIN = Duration.ofSeconds(1);
    /** The TTL of every 2026-07-28 task (the client cannot choose it): short enough to watch one expire. */
    private static final Duration TTL = Duration.ofSeconds(30);
    /** How long the slow SearXNG takes per search: a task of n queries runs at least n seconds. */
    private static final int SEARCH_DELAY_MS = 1000;
    /** Step 4's searches: its fourth starts after 4.5 s, longer than the sweeper's bound. */
    private static final int LONG_SEARCH_DELAY_MS = 1500;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The replicas' Redis key prefix: the test reads the task leases under it. */
    private static final String KEY_PREFIX = "tasks-it";

    private static RedisServerResource redis;
    private static WireMockServer searxng;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static final long STARTED = System.nanoTime();

    /** Step 2's cancelled task, checked again once a search would have had time to start after the cancel. */
    private static String cancelledTask;
    /** Step 3's completed task and its result as B read it, for step 5 and the TTL step. */
    private static String completedTask;

    private static JsonNode completedResult;
    private static Instant completedExpiresAt;
    /** When step 5 asked the new A for the completed task (and got it): the TTL step's first proof it was served. */
    private static Instant completedServedAt;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerResource();
        redis.start();
        searxng = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        searxng.start();
        // Any query: one page named after nothing in particular, after the delay of a real search.
        searxng.stubFor(get(urlPathEqualTo("/search"))
                .atPriority(10)
                .willReturn(searxngAnswer("https://example.org/any", "Any page")));
        searxng.stubFor(get(urlPathEqualTo("/search"))
                .withQueryParam("q", matching("long-.*"))
                .atPriority(5)
                .willReturn(searxngAnswer("https://example.org/long", "Long").withFixedDelay(LONG_SEARCH_DELAY_MS)));
        // Step 3's queries: a page each, and one page both find (merged, listed first).
        searxng.stubFor(get(urlPathEqualTo("/search"))
                .withQueryParam("q", equalTo("alpha"))
                .atPriority(1)
                .willReturn(searxngAnswer("https://example.org/alpha", "Alpha", "https://example.org/both", "Both")));
        searxng.stubFor(get(urlPathEqualTo("/search"))
                .withQueryParam("q", equalTo("beta"))
                .atPriority(1)
                .willReturn(searxngAnswer("https://example.org/both", "Both", "https://example.org/beta", "Beta")));
        warmUp(searxng.baseUrl());
        Map<String, String> settings = Map.of(
                "SWITCHBOARD_SEARCH_PROVIDER",
                "searxng",
                "SWITCHBOARD_SEARCH_SEARXNG_URL",
                searxng.baseUrl(),
                "SWITCHBOARD_TASKS_LEASE",
                LEASE.toSeconds() + "s",
                "SWITCHBOARD_TASKS_DEFAULT_TTL",
                TTL.toSeconds() + "s",
                "SWITCHBOARD_SESSIONS_REDIS_KEY_PREFIX",
                KEY_PREFIX);
        // Both replicas start at once: each mostly waits for its JVM to load classes.
        CompletableFuture<ServiceProcess> startingB = CompletableFuture.supplyAsync(
                () -> ServiceProcess.start(ServiceProcess.freePort(), redis.url(), settings));
        try {
            a = ServiceProcess.start(ServiceProcess.freePort(), redis.url(), settings);
        } finally {
            b = startingB.join();
        }
        log("replicas A (%d) and B (%d) live", a.port(), b.port());
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {a, b}) {
            if (replica != null) {
                replica.kill();
            }
        }
        if (searxng != null) {
            searxng.stop();
        }
        if (redis != null) {
            redis.stop();
        }
        log("done");
    }

    @Test
    @Order(1)
    void aTaskCreatedOnAIsPolledAndCancelledOnB() throws Exception {
        JsonNode created = startResearch(a, "cancel", List.of("cancel-1", "cancel-2", "cancel-3", "cancel-4"));
        String id = created.path("taskId").asText();
        cancelledTask = id;

        JsonNode polled = awaitTask(
                b, id, task -> task.path("statusMessage").asText().startsWith("Searching"), "a status message");
        assertEquals("working", polled.path("status").asText(), polled.toString());
        assertEquals("Searching 1 of 4: cancel-1", polled.path("statusMessage").asText(), polled.toString());
        assertEquals(created.path("createdAt"), polled.path("createdAt"), "the same task on B: " + polled);

        JsonNode ack = tasks(b, "tasks/cancel", id).path("result");
        assertEquals("complete", ack.path("resultType").asText(), ack.toString());

        for (ServiceProcess replica : List.of(a, b)) {
            JsonNode task = taskOn(replica, id);
            assertEquals("cancelled", task.path("status").asText(), task.toString());
            assertEquals(
                    "The task was cancelled by request",
                    task.path("statusMessage").asText(),
                    task.toString());
            assertTrue(task.path("result").isMissingNode() && task.path("error").isMissingNode(), task.toString());
        }
        log(
                "step 2: task %s created on A, working on B (Searching 1 of 4), cancelled through B: cancelled on A and B",
                id);
    }

    @Test
    @Order(2)
    void aTaskCreatedOnACompletesAndItsResultIsReadOnB() throws Exception {
        long start = System.nanoTime();
        JsonNode created = startResearch(a, "greek letters", List.of("alpha", "beta"));
        String id = created.path("taskId").asText();
        assertEquals(TTL.toMillis(), created.path("ttlMs").asLong(), created.toString());

        JsonNode task = awaitTask(b, id, t -> !t.path("status").asText().equals("working"), "an end");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("completed", task.path("status").asText(), task.toString());
        JsonNode result = task.path("result");
        assertEquals(false, result.path("isError").asBoolean(true), result.toString());
        JsonNode report = result.path("structuredContent");
        assertEquals("greek letters", report.path("topic").asText(), report.toString());
        assertEquals(2, report.path("queries").size(), report.toString());
        for (JsonNode query : report.path("queries")) {
            assertEquals(2, query.path("found").asInt(), query.toString());
            assertTrue(!query.hasNonNull("error"), "no error (null or left out): " + query);
        }
        List<String> urls = new ArrayList<>();
        report.path("sources").forEach(source -> urls.add(source.path("url").asText()));
        // The page both queries found comes first; then the others by their best rank.
        assertEquals(
                List.of("https://example.org/both", "https://example.org/alpha", "https://example.org/beta"),
                urls,
                report.toString());
        assertEquals(1, searches("alpha"), "one search per query");
        assertEquals(1, searches("beta"), "one search per query");
        assertTrue(seconds >= 2 * SEARCH_DELAY_MS / 1000.0, "two slow searches took " + seconds + " s");
        completedTask = id;
        completedResult = result;
        completedExpiresAt = Instant.parse(task.path("createdAt").asText()).plus(TTL);
        log("step 3: task %s completed on A, result read on B %.2f s after the call", id, seconds);

        // Step 2's task, cancelled at its first search, seconds ago: A stopped the tool there. Had the cancel not
        // reached A, its second search would have started one search delay after its first.
        assertEquals(0, searches("cancel-2") + searches("cancel-3") + searches("cancel-4"), "searches after cancel");
        JsonNode cancelled = taskOn(b, cancelledTask);
        assertEquals("cancelled", cancelled.path("status").asText(), "the tool's own end did not undo the cancel");
    }

    @Test
    @Order(3)
    void aTaskOfAKilledReplicaIsFailedByTheOtherWithinTheLeaseBound() throws Exception {
        JsonNode created = startResearch(a, "long", List.of("long-1", "long-2", "long-3", "long-4", "long-5"));
        String id = created.path("taskId").asText();
        Instant createdAt = Instant.parse(created.path("createdAt").asText());
        // A second task on A, cancelled once A is dead: its lease is left behind like the other's.
        String orphan = startResearch(a, "orphan", List.of("long-a", "long-b", "long-c", "long-d", "long-e"))
                .path("taskId")
                .asText();

        // Running longer than the sweeper's bound: A keeps renewing its lease, and B's sweeper leaves it alone.
        JsonNode running = awaitTask(
                b, id, task -> task.path("statusMessage").asText().startsWith("Searching 4 of 5"), "the fourth search");
        assertEquals("working", running.path("status").asText(), running.toString());
        Duration ranFor = Duration.between(createdAt, Instant.now());
        assertTrue(
                ranFor.compareTo(SWEEP_BOUND) > 0,
                "ran " + ranFor + ", not longer than lease + lease/3 = " + SWEEP_BOUND);

        Instant killedAt = Instant.now();
        long killed = System.nanoTime();
        a.kill(); // SIGKILL: no shutdown hook, no lease released
        double exited = (System.nanoTime() - killed) / 1e9;
        // Where A's last renewal left the lease: B may fail the task from then on, and must within a sweep period.
        Instant leaseEnd = leaseEnd(id);
        JsonNode ack = tasks(b, "tasks/cancel", orphan).path("result");
        assertEquals("complete", ack.path("resultType").asText(), ack.toString());

        List<JsonNode> seen = new ArrayList<>();
        Duration limit = SWEEP_BOUND.plus(MARGIN);
        Await.until(limit.plusSeconds(5), () -> "task still " + last(seen) + " on B", () -> {
            JsonNode task = taskOn(b, id);
            seen.add(task);
            return !task.path("status").asText().equals("working");
        });
        Duration failedAfter = Duration.ofNanos(System.nanoTime() - killed);
        JsonNode failed = last(seen);
        Instant failedAt = Instant.parse(failed.path("lastUpdatedAt").asText()); // B's clock, when it failed it
        log(
                "step 4: task %s (running %.1f s, on its fourth search) reported failed by B %.3f s after kill -9"
                        + " of A (A exited after %.3f s; %d polls of B; bound lease + lease/3 = %.1f s, + margin"
                        + " %.1f s). A's last renewal %d ms before the kill; the lease ran out %d ms after the kill; B's"
                        + " sweeper failed the task %d ms after that (%d ms after the kill)",
                id,
                ranFor.toMillis() / 1e3,
                failedAfter.toMillis() / 1e3,
                exited,
                seen.size(),
                SWEEP_BOUND.toMillis() / 1e3,
                MARGIN.toMillis() / 1e3,
                Duration.between(leaseEnd.minus(LEASE), killedAt).toMillis(),
                Duration.between(killedAt, leaseEnd).toMillis(),
                Duration.between(leaseEnd, failedAt).toMillis(),
                Duration.between(killedAt, failedAt).toMillis());
        assertEquals("failed", failed.path("status").asText(), failed.toString());
        assertTrue(
                failed.path("error").path("message").asText().startsWith(RESTARTED), "error " + failed.path("error"));
        assertEquals(-32603, failed.path("error").path("code").asInt(), failed.toString());
        assertTrue(failed.path("result").isMissingNode(), failed.toString());
        assertTrue(
                failedAfter.compareTo(limit) <= 0,
                "failed " + failedAfter.toMillis() + " ms after the kill, bound " + limit.toMillis() + " ms");
        // Not before the lease ran out (A might still have been alive), and within one sweep period after it.
        assertTrue(!failedAt.isBefore(leaseEnd), "failed at " + failedAt + ", before its lease ran out at " + leaseEnd);
        Duration sweepLimit = LEASE.dividedBy(3).plus(MARGIN);
        assertTrue(
                Duration.between(leaseEnd, failedAt).compareTo(sweepLimit) <= 0,
                "failed at " + failedAt + ", more than " + sweepLimit + " after its lease ran out at " + leaseEnd);
        // The cancelled task's lease ran out with the other's (both renewed by the same ZADD) and was swept with it:
        // it stays cancelled, and B does not report it failed.
        String sweptLine = "Task " + id + " failed: the replica running it stopped renewing its lease";
        Await.until(
                Duration.ofSeconds(5),
                () -> "B did not log: " + sweptLine,
                () -> outputOf(b).contains(sweptLine));
        Await.sleep(LEASE.dividedBy(3)); // one more sweep
        JsonNode cancelled = taskOn(b, orphan);
        assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
        assertTrue(
                !outputOf(b).contains("Task " + orphan + " failed"),
                "B's sweeper reports the cancelled task " + orphan + " as failed:\n"
                        + outputOf(b)
                                .lines()
                                .filter(line -> line.contains(orphan))
                                .reduce("", (x, y) -> x + y + "\n"));
    }

    @Test
    @Order(7)
    void aGracefullyStoppedReplicaFailsItsTasksAtOnce() throws Exception {
        String id = startResearch(a, "stopping", List.of("long-s1", "long-s2", "long-s3", "long-s4"))
                .path("taskId")
                .asText();
        awaitTask(b, id, task -> task.path("statusMessage").asText().startsWith("Searching 2 of 4"), "the 2nd search");
        long stopped = System.nanoTime();
        a.terminate(); // SIGTERM: the shutdown fails the tasks running on A instead of leaving them to the lease
        assertTrue(a.awaitExit(Duration.ofSeconds(30)), "A did not stop");
        double exited = (System.nanoTime() - stopped) / 1e9;
        JsonNode failed = taskOn(b, id);
        assertEquals("failed", failed.path("status").asText(), "right after A exited: " + failed);
        assertTrue(
                failed.path("error").path("message").asText().startsWith(RESTARTED), "error " + failed.path("error"));
        assertNull(zscore(KEY_PREFIX + ":task-leases", id + " open"), "A released the lease");
        log("step 8: SIGTERM to A; A exited after %.2f s with its running task already failed (no lease wait)", exited);
    }

    /** The end of the task's lease, as its replica last renewed it ({@code ZSCORE} of the lease sorted set). */
    private static Instant leaseEnd(String id) throws IOException {
        String score = zscore(KEY_PREFIX + ":task-leases", id + " open");
        assertNotNull(score, "no lease for task " + id);
        return Instant.ofEpochMilli(Long.parseLong(score));
    }

    /** {@code ZSCORE key member} on the test's redis-server, in RESP: the score, or null. */
    private static String zscore(String key, String member) throws IOException {
        URI url = URI.create(redis.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(2000);
            StringBuilder command = new StringBuilder("*3\r\n");
            for (String part : List.of("ZSCORE", key, member)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                command.append('$')
                        .append(bytes.length)
                        .append("\r\n")
                        .append(part)
                        .append("\r\n");
            }
            socket.getOutputStream().write(command.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader reply =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String head = reply.readLine();
            if (head.equals("$-1")) {
                return null;
            }
            assertTrue(head.startsWith("$"), "ZSCORE answered " + head);
            return reply.readLine();
        }
    }

    private static String outputOf(ServiceProcess replica) {
        try {
            return replica.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(4)
    void aNewReplicaServesTheCompletedTaskUntilItsTtl() throws Exception {
        assertNotNull(completedTask, "step 3 left no completed task");
        long start = System.nanoTime();
        a.restart(); // A was killed: a new process on its port
        log("step 5: new A live after %.2f s", (System.nanoTime() - start) / 1e9);

        Instant asked = Instant.now();
        JsonNode task = taskOn(a, completedTask);
        assertTrue(
                Instant.now().isBefore(completedExpiresAt),
                "the check must run within the TTL; it expired at " + completedExpiresAt);
        assertEquals("completed", task.path("status").asText(), task.toString());
        assertEquals(completedResult, task.path("result"), "the result the old A stored, served by the new A");
        assertEquals(TTL.toMillis(), task.path("ttlMs").asLong(), task.toString());
        completedServedAt = asked;
        log(
                "step 5: new A serves task %s (completed), %.1f s before its TTL ends",
                completedTask,
                Duration.between(Instant.now(), completedExpiresAt).toMillis() / 1e3);
    }

    @Test
    @Order(5)
    void aSessionEraTaskCreatedOnAIsAwaitedOnB() throws Exception {
        String session = given().baseUri(a.url())
                .contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .body(Mcp.initializeBody(SESSION_ERA))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"research\","
                + "\"arguments\":{\"topic\":\"greek letters\",\"queries\":[\"alpha\",\"beta\"],\"perQuery\":2},"
                + "\"task\":{\"ttl\":60000}}}";
        long start = System.nanoTime();
        JsonNode created = sessionPost(a, session, call).path("result").path("task");
        String id = created.path("taskId").asText();
        assertEquals("working", created.path("status").asText(), created.toString());
        assertEquals(60000, created.path("ttl").asLong(), created.toString());

        JsonNode onB = sessionPost(b, session, tasksBody(3, "tasks/get", id)).path("result");
        assertEquals("working", onB.path("status").asText(), "tasks/result is asked while the task runs: " + onB);
        long asked = System.nanoTime();
        JsonNode response = sessionPost(b, session, tasksBody(4, "tasks/result", id));
        double waited = (System.nanoTime() - asked) / 1e9;
        JsonNode result = response.path("result");
        assertEquals(false, result.path("isError").asBoolean(true), response.toString());
        assertEquals(
                "https://example.org/both",
                result.at("/structuredContent/sources/0/url").asText(),
                result.toString());
        assertEquals(id, result.path("_meta").path(RELATED_TASK).path("taskId").asText(), result.toString());
        assertTrue(waited > 0.5, "tasks/result answered after " + waited + " s: it did not wait for the task");

        JsonNode ended = sessionPost(b, session, tasksBody(5, "tasks/get", id)).path("result");
        assertEquals("completed", ended.path("status").asText(), ended.toString());
        log(
                "step 6: session-era task %s created on A, tasks/result on B waited %.2f s (%.2f s after the call)",
                id, waited, (System.nanoTime() - start) / 1e9);
    }

    @Test
    @Order(6)
    void theCompletedTaskIsGoneOnceItsTtlPasses() {
        assertNotNull(completedTask, "step 3 left no completed task");
        // Step 5 saw it served; on a slow machine its TTL may have ended while step 6 ran, before this loop starts.
        Instant lastServed = completedServedAt;
        Instant gone = null;
        Instant deadline = completedExpiresAt.plusSeconds(5);
        while (gone == null && Instant.now().isBefore(deadline)) {
            Instant asked = Instant.now();
            JsonNode response = tasks(b, "tasks/get", completedTask);
            if (response.has("result")) {
                assertEquals("completed", response.at("/result/status").asText(), response.toString());
                lastServed = asked;
                Await.sleep(Duration.ofMillis(50));
            } else {
                assertEquals(-32602, response.at("/error/code").asInt(), response.toString());
                // Redis decided between sending and answering: the answer's time bounds it from above.
                gone = Instant.now();
            }
        }
        assertNotNull(gone, "task " + completedTask + " still served 5 s after its TTL ended at " + completedExpiresAt);
        assertNotNull(lastServed, "task " + completedTask + " was gone before its TTL ended at " + completedExpiresAt);
        // Same machine, same clock: served until the TTL ends, gone right after (Redis's PXAT).
        assertTrue(
                !gone.isBefore(completedExpiresAt.minusMillis(20)),
                "gone at " + gone + ", before the TTL ended at " + completedExpiresAt);
        assertTrue(
                !lastServed.isAfter(completedExpiresAt.plusMillis(20)),
                "still served at " + lastServed + ", after the TTL ended at " + completedExpiresAt);
        assertEquals(
                -32602, tasks(a, "tasks/get", completedTask).at("/error/code").asInt(), "gone on A too");
        log(
                "TTL: task %s served until %s, gone at %s; its TTL ended at %s",
                completedTask, lastServed, gone, completedExpiresAt);
    }

    // --- 2026-07-28 ---

    /** Calls {@code research} on {@code replica} with the tasks opt-in; the answer must be a working task. */
    private static JsonNode startResearch(ServiceProcess replica, String topic, List<String> queries)
            throws IOException {
        String arguments = JSON.writeValueAsString(Map.of("topic", topic, "queries", queries, "perQuery", 2));
        JsonNode response = read(Stateless.call("research")
                .baseUri(replica.url())
                .body(Stateless.callBody(1, "research", arguments, "", Stateless.meta(OPT_IN)))
                .post("/mcp"));
        JsonNode task = response.path("result");
        assertEquals("task", task.path("resultType").asText(), response.toString());
        assertEquals("working", task.path("status").asText(), response.toString());
        assertTrue(task.path("taskId").isTextual(), response.toString());
        return task;
    }

    /** A 2026-07-28 {@code tasks/*} request for one task: the whole JSON-RPC response. */
    private static JsonNode tasks(ServiceProcess replica, String method, String id) {
        RequestSpecification request = Stateless.request(method)
                .baseUri(replica.url())
                .header("Mcp-Name", id)
                .body(Stateless.body(1, method, "\"taskId\":\"" + id + "\"", Stateless.meta(OPT_IN)));
        return read(request.post("/mcp"));
    }

    /** {@code tasks/get} on {@code replica}: the task, which must be found. */
    private static JsonNode taskOn(ServiceProcess replica, String id) {
        JsonNode response = tasks(replica, "tasks/get", id);
        JsonNode task = response.path("result");
        assertEquals(id, task.path("taskId").asText(), response.toString());
        return task;
    }

    /** Polls {@code tasks/get} on {@code replica} until the task matches. */
    private static JsonNode awaitTask(ServiceProcess replica, String id, Predicate<JsonNode> until, String what) {
        List<JsonNode> seen = new ArrayList<>();
        Await.until(
                Duration.ofSeconds(15), () -> "no " + what + " on port " + replica.port() + ": " + last(seen), () -> {
                    JsonNode task = taskOn(replica, id);
                    seen.add(task);
                    return until.test(task);
                });
        return last(seen);
    }

    // --- 2025-11-25 ---

    private static String tasksBody(int id, String method, String taskId) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{\"taskId\":\"" + taskId
                + "\"}}";
    }

    private static JsonNode sessionPost(ServiceProcess replica, String session, String body) {
        return read(given().baseUri(replica.url())
                .contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", SESSION_ERA)
                .body(body)
                .post("/mcp"));
    }

    // --- shared ---

    /** The JSON-RPC response of a 200 answer, sent as JSON or as the last message of an SSE stream. */
    private static JsonNode read(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        String body = response.asString();
        if (response.contentType().startsWith("text/event-stream")) {
            String last = null;
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    last = line.substring(5).trim();
                }
            }
            assertNotNull(last, "an SSE answer without data: " + body);
            body = last;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    private static int searches(String query) {
        return searxng.findAll(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo(query)))
                .size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder searxngAnswer(String... pages) {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < pages.length; i += 2) {
            results.append(results.length() == 0 ? "" : ",")
                    .append("{\"url\":\"")
                    .append(pages[i])
                    .append("\",\"title\":\"")
                    .append(pages[i + 1])
                    .append("\",\"content\":\"About ")
                    .append(pages[i + 1])
                    .append("\"}");
        }
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"results\":[" + results + "],\"unresponsive_engines\":[]}")
                .withFixedDelay(SEARCH_DELAY_MS);
    }

    /** WireMock answers its first request slowly; one request here pays for it before any replica searches. */
    private static void warmUp(String baseUrl) throws IOException, InterruptedException {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/warm-up")).build(),
                        HttpResponse.BodyHandlers.discarding());
        searxng.resetRequests();
    }

    private static JsonNode last(List<JsonNode> seen) {
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[TaskReplicasIT +%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
    }
}
