package dev.switchboard.replicas;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.stream.EventIds;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RecordingUpstream;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.Stateless;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged replicas sharing one redis-server, as child processes on loopback: sessions are shared, survive a
 * restart, and the service rides out a Redis restart on its own.
 */
class ReplicasIT {

    private static RedisServerResource redis;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static RecordingUpstream upstream;

    @BeforeAll
    static void start() {
        redis = new RedisServerResource();
        redis.start();
        // The production rate limits (300 requests per session) over a day instead of a minute: one request frees
        // every 288 s, so what the rate-limit test counts does not depend on how fast this machine runs it (an hour,
        // one every 12 s, let a slow machine's 300-request burst earn a 301st).
        upstream = new RecordingUpstream();
        String upstreamUrl = upstream.start().get("switchboard.upstreams.recorder.url");
        Map<String, String> slowRefill =
                Map.of("SWITCHBOARD_RATE_LIMIT_WINDOW", "24h", "SWITCHBOARD_UPSTREAMS_RECORDER_URL", upstreamUrl);
        a = ServiceProcess.start(ServiceProcess.freePort(), redis.url(), slowRefill);
        b = ServiceProcess.start(ServiceProcess.freePort(), redis.url(), slowRefill);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {a, b}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
        if (redis != null) {
            redis.stop();
        }
        if (upstream != null) {
            upstream.stop();
        }
    }

    private static String initialize(ServiceProcess replica) {
        return given().baseUri(replica.url())
                .contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
    }

    private static ValidatableResponse post(ServiceProcess replica, String session, String body) {
        return given().baseUri(replica.url())
                .contentType(ContentType.JSON)
                .accept(Mcp.ACCEPT)
                .header("Mcp-Session-Id", session)
                .body(body)
                .post("/mcp")
                .then();
    }

    @Test
    void aSessionsRateLimitHoldsAcrossReplicas() {
        // 300 requests per session, one bucket in Redis for both replicas: half go to each, and all 300 count.
        String session = initialize(a);
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        int admitted = 0;
        int status = 200;
        while (status == 200 && admitted < 400) {
            status = post(admitted % 2 == 0 ? a : b, session, ping).extract().statusCode();
            if (status == 200) {
                admitted++;
            }
        }
        assertEquals(429, status);
        assertEquals(300, admitted);
        // The bucket is shared: the other replica refuses too, and says to wait for the next free request (one frees
        // every 288 s, counted from the first request of the burst).
        String retryAfter = post(admitted % 2 == 0 ? b : a, session, ping)
                .statusCode(429)
                .body("error.code", org.hamcrest.Matchers.equalTo(-32029))
                .extract()
                .header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 288, "Retry-After " + retryAfter);
    }

    @Test
    void anUpstreamSessionOpenedThroughOneReplicaIsContinuedThroughTheOther() {
        String session = initialize(a);
        String call = Mcp.call(1, "recorder.whoami", "{}");
        for (ServiceProcess replica : List.of(a, b, a)) {
            // Each replica serves the upstream's tools once it has read them after start-up.
            Await.until(
                    Duration.ofSeconds(20),
                    () -> "recorder.whoami never answered on " + replica.url(),
                    () -> "someone"
                            .equals(post(replica, session, call).extract().path("result.content[0].text")));
        }
        List<String> sessions = upstream.callSessions();
        assertEquals(3, sessions.size(), sessions.toString());
        assertEquals(1, Set.copyOf(sessions).size(), "one upstream session, wherever the call arrived: " + sessions);
        // Each initialize got a session of its own (each replica lists the tools in one too): the ids tell them apart.
        List<String> opened = upstream.openedSessions();
        assertEquals(opened.size(), Set.copyOf(opened).size(), opened.toString());
        assertTrue(opened.size() >= 3 && opened.contains(sessions.get(0)), opened + " / " + sessions);
    }

    @Test
    void aSessionOpenedOnOneReplicaWorksOnTheOther() {
        String session = initialize(a);
        post(b, session, Mcp.call(1, "weather.get", "{\"city\":\"Oslo\"}"))
                .statusCode(200)
                .body("result.structuredContent.location.name", equalTo("Oslo"));
        post(a, session, Mcp.call(2, "calendar.add", "{\"title\":\"Sync\",\"start\":\"2026-12-01T09:00:00Z\"}"))
                .body("result.isError", equalTo(false));
        post(b, session, Mcp.call(3, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Sync")));
        given().baseUri(b.url())
                .header("Mcp-Session-Id", session)
                .delete("/mcp")
                .then()
                .statusCode(204);
        // A held a copy of the session (its near cache): B's delete reaches it as a notice, within milliseconds.
        Await.until(
                Duration.ofSeconds(2),
                () -> "replica A still serves a session deleted on B 2 s later",
                () -> post(a, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}")
                                .extract()
                                .statusCode()
                        == 404);
    }

    @Test
    void aListenerOnOneReplicaHearsAChangeMadeOnTheOther() {
        assertTrue(aChangeOnAReachesAListenerOnB(), "no notifications/resources/updated on B within 5 s");
    }

    /** A 2026-07-28 listener on B, a calendar change through A: true when B's listener hears of it in time. */
    private static boolean aChangeOnAReachesAListenerOnB() {
        String workspace =
                Stateless.openWorkspace(Stateless.call("workspace.open").baseUri(a.url()));
        String uri = "switchboard://workspaces/" + workspace + "/calendar";
        String listen = Stateless.body(
                "\"b-listener\"",
                "subscriptions/listen",
                "\"notifications\":{\"resourceSubscriptions\":[\"" + uri + "\"]}");
        try (SseTestClient stream = SseTestClient.post(
                b.port(), listen, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen"))) {
            assertTrue(stream.next().data().contains("notifications/subscriptions/acknowledged"));
            Stateless.call("calendar.add")
                    .baseUri(a.url())
                    .header("Mcp-Param-Workspace", workspace)
                    .body(Stateless.callBody(
                            2,
                            "calendar.add",
                            "{\"title\":\"Sync\",\"start\":\"2026-12-01T09:00:00Z\",\"workspace\":\"" + workspace
                                    + "\"}"))
                    .post("/mcp")
                    .then()
                    .body("result.isError", equalTo(false));
            return stream.poll(Duration.ofSeconds(5))
                    .map(update -> {
                        assertTrue(
                                update.data().contains("\"method\":\"notifications/resources/updated\""),
                                update.data());
                        assertTrue(update.data().contains(uri), update.data());
                        assertTrue(
                                update.data().contains("\"io.modelcontextprotocol/subscriptionId\":\"b-listener\""),
                                update.data());
                        return true;
                    })
                    .orElse(false);
        }
    }

    @Test
    void aRestartLosesNoSession() {
        String session = initialize(a);
        post(
                        a,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"error\"}}")
                .statusCode(200);
        post(a, session, Mcp.call(2, "calendar.add", "{\"title\":\"Kept\",\"start\":\"2026-12-01T09:00:00Z\"}"))
                .statusCode(200);
        a.restart();
        post(a, session, Mcp.call(3, "calendar.list", "{}"))
                .statusCode(200)
                .body("result.structuredContent.events.title", equalTo(List.of("Kept")));
        String history = post(
                        a,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":"
                                + "{\"uri\":\"switchboard://session/tools-used\"}}")
                .extract()
                .path("result.contents[0].text");
        assertEquals(2, history.split("\"tool\"").length - 1, "calendar.add and calendar.list: " + history);
    }

    @Test
    void aGracefulStopWritesTheToolsUsedEntriesItsNearCacheHeld() {
        // No session rate limit (its allowance is taken in Redis on every request), and held entries written only by
        // the stop: what B reads afterwards is what the graceful stop wrote.
        try (ServiceProcess c = ServiceProcess.start(
                ServiceProcess.freePort(),
                redis.url(),
                Map.of(
                        "SWITCHBOARD_RATE_LIMIT_ENABLED",
                        "false",
                        "SWITCHBOARD_SESSIONS_NEAR_CACHE_FLUSH_DELAY",
                        "1h"))) {
            String session = initialize(c);
            for (int id = 1; id <= 3; id++) {
                post(c, session, Mcp.call(id, "weather.get", "{\"city\":\"Oslo\"}"))
                        .statusCode(200);
            }
            assertEquals(0, toolsUsed(b, session), "held by C's near cache");
            c.stop();
            assertEquals(3, toolsUsed(b, session), "written when C stopped");
        }
    }

    /** How many tools_used entries the session's history resource shows, read on {@code replica}. */
    private static int toolsUsed(ServiceProcess replica, String session) {
        String history = post(
                        replica,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"resources/read\",\"params\":"
                                + "{\"uri\":\"switchboard://session/tools-used\"}}")
                .statusCode(200)
                .extract()
                .path("result.contents[0].text");
        return history.split("\"tool\"").length - 1;
    }

    @Test
    void redisRestartIsRiddenOut() {
        redis.restart(); // empty again: it keeps nothing on disk
        String session = awaitNewSession(a);
        post(a, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").statusCode(200);
        // B is ready again once it answers Redis and hears its channels.
        Await.until(
                () -> given().baseUri(b.managementUrl()).get("/q/health/ready").statusCode() == 200);
        // Redis dropped the replicas' pub/sub connections: they notice and subscribe again.
        Await.until(ReplicasIT::aChangeOnAReachesAListenerOnB);
    }

    @Test
    void sigtermClosesStreamsWithARetryHintAndExits() throws Exception {
        try (ServiceProcess c = ServiceProcess.start(ServiceProcess.freePort(), redis.url())) {
            String session = initialize(c);
            try (SseTestClient stream = SseTestClient.get(
                    c.port(), java.util.Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"))) {
                assertEquals(200, stream.status());
                assertEquals("", stream.next().data(), "the priming event");
                long started = System.nanoTime();
                c.terminate();
                List<SseTestClient.Event> last = stream.rest(); // ends: the stream is closed, not abandoned
                assertEquals(1, last.size(), "one goodbye event: " + last);
                assertEquals(1000L, last.get(0).retry(), "with the reconnection hint");
                assertTrue(c.awaitExit(Duration.ofSeconds(15)), "the replica exits once drained");
                System.out.printf(
                        "SIGTERM with an open stream: exited after %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
        }
        // The session lives on: another replica serves it.
        post(b, initialize(a), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .statusCode(200);
    }

    @Test
    void killingTheReplicaThatHoldsAStreamLosesNoEvent() throws Exception {
        String session = initialize(b);
        post(
                        b,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\",\"params\":"
                                + "{\"uri\":\"switchboard://session/calendar\"}}")
                .statusCode(200);
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        String seen;
        try (ServiceProcess doomed = ServiceProcess.start(ServiceProcess.freePort(), redis.url());
                SseTestClient stream = SseTestClient.get(doomed.port(), headers)) {
            stream.next(); // priming
            addEvent(session, "first");
            seen = stream.next().id(); // delivered through the doomed replica
            doomed.kill(); // SIGKILL mid-stream: no drain, no goodbye
        }
        addEvent(session, "second"); // appended while no replica holds the stream
        addEvent(session, "third");

        Map<String, String> resume = new java.util.HashMap<>(headers);
        resume.put("Last-Event-ID", seen);
        try (SseTestClient resumed = SseTestClient.get(port(a), resume)) {
            List<SseTestClient.Event> events = new java.util.ArrayList<>();
            events.add(resumed.next()); // "second", replayed
            events.add(resumed.next()); // "third", replayed
            addEvent(session, "fourth"); // after the resume: delivered live on A
            events.add(resumed.next());
            String previous = seen;
            for (SseTestClient.Event event : events) {
                assertTrue(
                        event.data().contains("\"notifications/resources/updated\"")
                                && event.data().contains("switchboard://session/calendar"),
                        event.data());
                assertEquals(EventIds.streamOf(seen), EventIds.streamOf(event.id()), "the same stream");
                assertTrue(EventIds.compare(event.id(), previous) > 0, "in order, none repeated: " + events);
                previous = event.id();
            }
            assertEquals(java.util.Optional.empty(), resumed.poll(Duration.ofMillis(300)), "nothing else");
        }
    }

    private static void addEvent(String session, String title) {
        post(
                        b,
                        session,
                        Mcp.call(9, "calendar.add", "{\"title\":\"" + title + "\",\"start\":\"2026-12-01T09:00:00Z\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false));
    }

    private static int port(ServiceProcess replica) {
        return replica.port();
    }

    /** After an outage the first calls may fail fast with 503; the replica recovers without a restart. */
    private static String awaitNewSession(ServiceProcess replica) {
        String[] session = new String[1];
        Await.until(Duration.ofSeconds(20), () -> "no recovery within 20 s after the Redis restart", () -> {
            var response = given().baseUri(replica.url())
                    .contentType(ContentType.JSON)
                    .accept(Mcp.ACCEPT)
                    .body(Mcp.initializeBody("2025-11-25"))
                    .post("/mcp");
            if (response.statusCode() == 200) {
                session[0] = response.header("Mcp-Session-Id");
                return true;
            }
            assertEquals(503, response.statusCode(), "only 503 while Redis comes back: " + response.asString());
            return false;
        });
        return session[0];
    }
}
