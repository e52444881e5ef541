package dev.switchboard.replicas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisClusterServers;
import dev.switchboard.testing.RedisProcess;
import dev.switchboard.testing.RedisSentinelServers;
import dev.switchboard.testing.ServiceProcess;
import dev.switchboard.testing.SseTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A Redis master dies ({@code kill -9}) under load from two packaged replicas, in a Redis Cluster (the master owning
 * a busy session's slot) and behind Sentinel: every session, calendar entry, memory and completed task whose write was
 * acknowledged before, during or after the failover is still there afterwards, and during the gap clients get only
 * {@code 503} with {@code Retry-After}: no other error, no hang.
 */
class RedisFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    private static final Duration BEFORE_KILL = Duration.ofSeconds(3);
    private static final Duration AFTER_KILL = Duration.ofSeconds(14);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

    /** Tool results saying the tool's own store cannot be reached right now (HTTP 200, isError). */
    private static final AtomicInteger toolRefusals = new AtomicInteger();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aClusterMasterDiesUnderLoadAndNothingAcknowledgedIsLost() throws Exception {
        RedisClusterServers cluster = RedisClusterServers.get();
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
        settings.put("QUARKUS_REDIS_HOSTS", cluster.hosts());
        run("cluster", settings, session -> {
            String slot = String.valueOf(
                    cluster.nodes().get(0).call("CLUSTER", "KEYSLOT", "switchboard:session:{" + session + "}"));
            RedisProcess owner = ownerOf(cluster, Integer.parseInt(slot));
            owner.kill();
            return owner.name() + " (slot " + slot + ")";
        });
    }

    @Test
    void theSentinelMasterDiesUnderLoadAndNothingAcknowledgedIsLost() throws Exception {
        RedisSentinelServers sentinel = RedisSentinelServers.get();
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_REDIS_CLIENT_TYPE", "sentinel");
        settings.put("QUARKUS_REDIS_HOSTS", sentinel.hosts());
        settings.put("QUARKUS_REDIS_MASTER_NAME", RedisSentinelServers.MASTER_NAME);
        settings.put("QUARKUS_REDIS_ROLE", "master");
        run("sentinel", settings, session -> {
            int port = sentinel.currentMasterPort();
            RedisProcess master = sentinel.master().port() == port ? sentinel.master() : sentinel.replica();
            master.kill();
            return master.name();
        });
    }

    /** What one client saw: acknowledged writes, and every refusal with its status and Retry-After. */
    private record Acknowledged(String session, String title, String memory, long atNanos) {}

    private record Refusal(long atNanos, int status, String retryAfter, String body) {}

    /** A session-era task of the {@code research} tool seen completed, on the session that created it. */
    private record CompletedTask(String session, String taskId) {}

    /** A session whose calendar changes are followed on its GET stream through the failover. */
    private final class StreamWatch {
        final String session;
        final List<SseTestClient.Event> events = new ArrayList<>();
        final AtomicInteger acknowledgedAdds = new AtomicInteger();
        SseTestClient stream;
        String lastEventId;
        int resumes;

        StreamWatch(
                ServiceProcess replica,
                ConcurrentLinkedQueue<Refusal> refusals,
                ConcurrentLinkedQueue<String> problems) {
            String opened = null;
            while (opened == null) {
                opened = initialize(replica, refusals, problems).orElse(null);
            }
            session = opened;
            HttpResponse<String> subscribed = post(
                    replica,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"
                            + "\"resources/subscribe\",\"params\":{\"uri\":\"switchboard://session/calendar\"}}");
            assertEquals(200, subscribed.statusCode(), subscribed.body());
            stream = SseTestClient.get(replica.port(), headers(null));
            lastEventId = stream.next().id(); // the priming event
        }

        Map<String, String> headers(String lastEventId) {
            Map<String, String> headers = new HashMap<>();
            headers.put("Mcp-Session-Id", session);
            headers.put("MCP-Protocol-Version", "2025-11-25");
            if (lastEventId != null) {
                headers.put("Last-Event-ID", lastEventId);
            }
            return headers;
        }

        /** Takes what arrived; resumes on {@code other} when the stream ended. */
        void read(ServiceProcess other, Duration wait) {
            Optional<SseTestClient.Event> event = stream.poll(wait);
            if (event.isPresent()) {
                if (event.get().id() != null) {
                    lastEventId = event.get().id();
                }
                if (event.get().data() != null && !event.get().data().isEmpty()) {
                    events.add(event.get());
                }
            } else if (stream.ended()) {
                resume(other);
            }
        }

        /** Leaves the current connection and resumes the stream on {@code replica} after the last event seen. */
        void resume(ServiceProcess replica) {
            stream.close();
            SseTestClient resumed = SseTestClient.get(replica.port(), headers(lastEventId));
            while (resumed.status() == 503) {
                resumed.close();
                sleepQuietly(300);
                resumed = SseTestClient.get(replica.port(), headers(lastEventId));
            }
            assertEquals(200, resumed.status(), "resuming the stream");
            stream = resumed;
            resumes++;
        }
    }

    private void run(String topology, Map<String, String> redis, Function<String, String> killMasterOf)
            throws Exception {
        Map<String, String> settings = new HashMap<>(redis);
        settings.put("SWITCHBOARD_REDIS_REPLICA_ACK_TIMEOUT", "2s");
        WireMockServer searxng = searxng();
        settings.put("SWITCHBOARD_SEARCH_PROVIDER", "searxng");
        settings.put("SWITCHBOARD_SEARCH_SEARXNG_URL", searxng.baseUrl());
        CompletableFuture<ServiceProcess> startingB = CompletableFuture.supplyAsync(
                () -> ServiceProcess.start(ServiceProcess.freePort(), "redis://unused", settings));
        ServiceProcess a = ServiceProcess.start(ServiceProcess.freePort(), "redis://unused", settings);
        ServiceProcess b = startingB.get(120, TimeUnit.SECONDS);
        List<ServiceProcess> replicas = List.of(a, b);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletedTask> completedTasks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 3);
        StreamWatch watch = new StreamWatch(a, refusals, problems);
        try {
            clients.submit(() -> {
                int n = 0;
                while (loading.get()) {
                    ServiceProcess replica = replicas.get(n % 2);
                    String add = Mcp.call(
                            7,
                            "calendar.add",
                            "{\"title\":\"watched-" + n++ + "\",\"start\":\"2026-12-02T09:00:00Z\"}");
                    try {
                        if (ok(post(replica, watch.session, add), refusals, problems)) {
                            watch.acknowledgedAdds.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                    sleepQuietly(100);
                }
            });
            clients.submit(() -> {
                while (loading.get()) {
                    watch.read(b, Duration.ofMillis(200));
                }
            });
            clients.submit(() -> runTasks(replicas, loading, completedTasks, refusals, problems));
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() ->
                        load(replicas.get(client % 2), topology, counter, loading, acknowledged, refusals, problems));
            }
            Thread.sleep(BEFORE_KILL.toMillis());
            String busy = acknowledged.stream()
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("nothing acknowledged before the kill; problems: " + problems))
                    .session();
            long killed = System.nanoTime();
            String victim = killMasterOf.apply(busy);
            Thread.sleep(AFTER_KILL.toMillis());
            loading.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "a client hung");

            assertEquals(List.of(), List.copyOf(problems), "only 503s with Retry-After may be seen during the gap");
            // The stream resumes on the other replica after the last event seen: what follows comes once, none lost.
            watch.resume(b);
            long drainUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < drainUntil) {
                watch.read(b, Duration.ofMillis(200));
            }
            List<String> ids =
                    watch.events.stream().map(SseTestClient.Event::id).toList();
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "an event came twice: " + ids);
            long updates = watch.events.stream()
                    .filter(event -> event.data().contains("notifications/resources/updated"))
                    .count();
            assertTrue(
                    updates >= watch.acknowledgedAdds.get(),
                    updates + " calendar updates on the stream for " + watch.acknowledgedAdds.get()
                            + " acknowledged calendar.add calls");
            for (Refusal refusal : refusals) {
                assertEquals(503, refusal.status(), refusal.body());
                assertTrue(refusal.retryAfter() != null, "a 503 without Retry-After: " + refusal.body());
            }
            List<Acknowledged> writes = new ArrayList<>(acknowledged);
            for (Acknowledged write : writes) {
                ServiceProcess reader = replicas.get(Math.abs(write.session().hashCode()) % 2);
                JsonNode events = call(reader, write.session(), "calendar.list", "{}");
                assertTrue(
                        events.toString().contains(write.title()),
                        "acknowledged calendar entry " + write.title() + " lost after the failover: " + events);
                if (write.memory() == null) {
                    continue;
                }
                JsonNode recalled =
                        call(reader, write.session(), "memory.recall", "{\"query\":\"" + write.memory() + "\"}");
                assertTrue(
                        recalled.toString().contains(write.memory()),
                        "acknowledged memory " + write.memory() + " lost after the failover: " + recalled);
            }
            List<CompletedTask> tasks = new ArrayList<>(completedTasks);
            assertTrue(!tasks.isEmpty(), "no research task completed during the run; problems: " + problems);
            for (CompletedTask task : tasks) {
                ServiceProcess reader = replicas.get(Math.abs(task.taskId().hashCode()) % 2);
                JsonNode status = JSON.readTree(post(reader, task.session(), tasksBody("tasks/get", task.taskId()))
                                .body())
                        .path("result");
                assertEquals(
                        "completed",
                        status.path("status").asText(),
                        "completed task " + task.taskId() + " after the failover: " + status);
                String result = post(reader, task.session(), tasksBody("tasks/result", task.taskId()))
                        .body();
                assertTrue(
                        result.contains("https://example.org/failover"),
                        "the result of completed task " + task.taskId() + " after the failover: " + result);
            }
            long first = refusals.stream().mapToLong(Refusal::atNanos).min().orElse(killed);
            long last = refusals.stream().mapToLong(Refusal::atNanos).max().orElse(killed);
            long recovered =
                    writes.stream().filter(write -> write.atNanos() > last).count();
            StringBuilder timeline = new StringBuilder();
            for (int second = 0; second <= AFTER_KILL.toSeconds(); second++) {
                int at = second;
                long refused = refusals.stream()
                        .filter(refusal -> (refusal.atNanos() - killed) / 1_000_000_000L == at)
                        .count();
                long served = writes.stream()
                        .filter(write -> (write.atNanos() - killed) / 1_000_000_000L == at)
                        .count();
                timeline.append(' ')
                        .append(at)
                        .append("s:")
                        .append(served)
                        .append('/')
                        .append(refused);
            }
            System.out.println(
                    "[RedisFailoverIT] " + topology + " seconds after the kill, acknowledged/refused:" + timeline);
            assertTrue(
                    recovered > 0,
                    "Switchboard did not recover: refusals until " + (last - killed) / 1e9 + " s after the kill, "
                            + recovered + " writes acknowledged after the last one");
            System.out.printf(
                    "[RedisFailoverIT] %s: killed %s; %d acknowledged session writes and %d completed tasks all kept;"
                            + " %d requests refused"
                            + " with 503 + Retry-After, from %.2f s to %.2f s after the kill (window %.2f s); %d tool"
                            + " results said their store was unavailable right now%n",
                    topology,
                    victim,
                    writes.size(),
                    tasks.size(),
                    refusals.size(),
                    (first - killed) / 1e9,
                    (last - killed) / 1e9,
                    (last - first) / 1e9,
                    toolRefusals.getAndSet(0));
            System.out.printf(
                    "[RedisFailoverIT] %s: the watched session's stream carried %d events for %d acknowledged"
                            + " calendar.add calls, none twice, over %d resumption(s)%n",
                    topology, watch.events.size(), watch.acknowledgedAdds.get(), watch.resumes);
        } finally {
            loading.set(false);
            clients.shutdownNow();
            watch.stream.close();
            a.stop();
            b.stop();
            searxng.stop();
        }
    }

    /**
     * One client of tasks: a session, a task-augmented {@code research} call (two quick searches), then
     * {@code tasks/get} until the task completes, again and again, alternating replicas.
     */
    private void runTasks(
            List<ServiceProcess> replicas,
            AtomicBoolean loading,
            ConcurrentLinkedQueue<CompletedTask> completed,
            ConcurrentLinkedQueue<Refusal> refusals,
            ConcurrentLinkedQueue<String> problems) {
        int n = 0;
        while (loading.get()) {
            ServiceProcess replica = replicas.get(n++ % 2);
            try {
                Optional<String> session = initialize(replica, refusals, problems);
                if (session.isEmpty()) {
                    continue;
                }
                HttpResponse<String> created = post(
                        replica,
                        session.get(),
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"research\","
                                + "\"arguments\":{\"topic\":\"failover\",\"queries\":[\"one\",\"two\"]},"
                                + "\"task\":{\"ttl\":600000}}}");
                if (!ok(created, refusals, problems)) {
                    continue;
                }
                String taskId = JSON.readTree(created.body())
                        .path("result")
                        .path("task")
                        .path("taskId")
                        .asText();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (loading.get() && System.nanoTime() < until) {
                    HttpResponse<String> got = post(replicas.get(n % 2), session.get(), tasksBody("tasks/get", taskId));
                    if (ok(got, refusals, problems)) {
                        String status = JSON.readTree(got.body())
                                .path("result")
                                .path("status")
                                .asText();
                        if (status.equals("completed")) {
                            completed.add(new CompletedTask(session.get(), taskId));
                            break;
                        }
                        if (!status.equals("working")) {
                            // A tool that completed must not end otherwise because its outcome met the failover.
                            problems.add("task " + taskId + " ended " + got.body());
                            break;
                        }
                    }
                    sleepQuietly(100);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(e.toString());
            }
        }
    }

    private static String tasksBody(String method, String taskId) {
        return "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"" + method + "\",\"params\":{\"taskId\":\"" + taskId
                + "\"}}";
    }

    /** SearXNG behind {@code research}: every query finds one page, at once. */
    private static WireMockServer searxng() {
        WireMockServer searxng = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        searxng.start();
        searxng.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[{\"url\":\"https://example.org/failover\",\"title\":\"Failover\","
                                + "\"content\":\"About failover\"}],\"unresponsive_engines\":[]}")));
        return searxng;
    }

    /** One client: a session, a calendar entry and a memory, again and again; retries what is refused. */
    private void load(
            ServiceProcess replica,
            String topology,
            AtomicInteger counter,
            AtomicBoolean loading,
            ConcurrentLinkedQueue<Acknowledged> acknowledged,
            ConcurrentLinkedQueue<Refusal> refusals,
            ConcurrentLinkedQueue<String> problems) {
        while (loading.get()) {
            try {
                Optional<String> session = initialize(replica, refusals, problems);
                if (session.isEmpty()) {
                    continue;
                }
                int n = counter.incrementAndGet();
                String title = topology + "-event-" + n;
                // One memory in four: the memories of all sessions share one scope, which keeps at most 1000.
                String memory = n % 4 == 0 ? topology + "fact" + n : null;
                boolean added = ok(
                        post(
                                replica,
                                session.get(),
                                Mcp.call(
                                        2,
                                        "calendar.add",
                                        "{\"title\":\"" + title + "\",\"start\":\"2026-12-01T09:00:00Z\"}")),
                        refusals,
                        problems);
                boolean remembered = memory == null
                        || ok(
                                post(
                                        replica,
                                        session.get(),
                                        Mcp.call(3, "memory.remember", "{\"text\":\"" + memory + "\"}")),
                                refusals,
                                problems);
                if (added && remembered) {
                    acknowledged.add(new Acknowledged(session.get(), title, memory, System.nanoTime()));
                }
            } catch (RuntimeException e) {
                problems.add(e.toString());
            }
        }
    }

    private Optional<String> initialize(
            ServiceProcess replica, ConcurrentLinkedQueue<Refusal> refusals, ConcurrentLinkedQueue<String> problems) {
        HttpResponse<String> response = post(replica, null, Mcp.initializeBody("2025-11-25"));
        if (!ok(response, refusals, problems)) {
            return Optional.empty();
        }
        return response.headers().firstValue("Mcp-Session-Id");
    }

    /** True for a good answer; a 503 is recorded as a refusal, anything else as a problem. */
    private static boolean ok(
            HttpResponse<String> response,
            ConcurrentLinkedQueue<Refusal> refusals,
            ConcurrentLinkedQueue<String> problems) {
        if (response == null) {
            return false; // a timeout, already recorded
        }
        if (response.statusCode() == 503) {
            refusals.add(new Refusal(
                    System.nanoTime(),
                    503,
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body()));
            sleepQuietly(200);
            return false;
        }
        if (response.statusCode() == 200
                && response.body().contains("\"isError\":true")
                && response.body().contains("right now")) {
            // A tool whose own store (memory, in another slot than the session) is failing over tells the model so.
            toolRefusals.incrementAndGet();
            sleepQuietly(200);
            return false;
        }
        if (response.statusCode() != 200
                || response.body().contains("\"error\"")
                || response.body().contains("\"isError\":true")) {
            problems.add(response.statusCode() + " " + response.body());
            return false;
        }
        return true;
    }

    private HttpResponse<String> post(ServiceProcess replica, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + "/mcp"))
                .timeout(REQUEST_LIMIT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed (a hang or a dropped connection): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(ServiceProcess replica, String session, String tool, String arguments) throws IOException {
        HttpResponse<String> response = post(replica, session, Mcp.call(9, tool, arguments));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("result").path("structuredContent");
    }

    /** The live master serving {@code slot}, from {@code CLUSTER SLOTS}. */
    private static RedisProcess ownerOf(RedisClusterServers cluster, int slot) {
        for (Object range : (List<?>) cluster.nodes().get(0).call("CLUSTER", "SLOTS")) {
            List<?> entry = (List<?>) range;
            long from = (Long) entry.get(0);
            long to = (Long) entry.get(1);
            if (slot >= from && slot <= to) {
                long port = (Long) ((List<?>) entry.get(2)).get(1);
                return cluster.nodes().stream()
                        .filter(node -> node.port() == port)
                        .findFirst()
                        .orElseThrow();
            }
        }
        throw new IllegalStateException("no node serves slot " + slot);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
