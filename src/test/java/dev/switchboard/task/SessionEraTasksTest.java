package dev.switchboard.task;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.tools.TaskGate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tasks of protocol revision 2025-11-25 (session era): params.task, tasks/get|result|list|cancel, negotiation. */
@QuarkusTest
@SharedApp
class SessionEraTasksTest {

    @Inject
    TaskGate gate;

    @Test
    void onlySessionsOf20251125AreToldOfTasks() {
        JsonPath current = Mcp.request()
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .extract()
                .jsonPath();
        assertEquals(Map.of(), current.getMap("result.capabilities.tasks.list"));
        assertEquals(Map.of(), current.getMap("result.capabilities.tasks.cancel"));
        assertEquals(Map.of(), current.getMap("result.capabilities.tasks.requests.tools.call"));
        JsonPath older = Mcp.request()
                .body(Mcp.initializeBody("2025-06-18"))
                .post("/mcp")
                .then()
                .extract()
                .jsonPath();
        assertNull(older.get("result.capabilities.tasks"));
    }

    @Test
    void toolsListSaysWhichToolsRunAsTasks() {
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        Mcp.tools(initialize()).forEach(tool -> byName.put((String) tool.get("name"), tool));
        assertEquals(
                Map.of("taskSupport", "optional"), byName.get("test.task.gated").get("execution"));
        assertEquals(
                Map.of("taskSupport", "required"),
                byName.get("test.task.required").get("execution"));
        assertFalse(byName.get("test.plan.checklist").containsKey("execution"), "forbidden is the default, unsaid");
        assertFalse(byName.get("test.task.gated").containsKey("taskSupport"), "only inside execution");
        Mcp.tools(initialize("2025-06-18"))
                .forEach(tool -> assertFalse(tool.containsKey("execution"), "no tasks before 2025-11-25: " + tool));
    }

    @Test
    void aTaskRunsWhileTasksResultWaitsForItsEnd() throws Exception {
        String session = initialize();
        String label = UUID.randomUUID().toString();
        JsonPath created = call(session, "test.task.gated", "{\"label\":\"" + label + "\"}", "{\"ttl\":60000}");
        String id = created.getString("result.task.taskId");
        assertEquals("working", created.getString("result.task.status"));
        assertEquals(60_000L, created.getLong("result.task.ttl"));
        assertEquals(1_000L, created.getLong("result.task.pollInterval"));
        assertTrue(created.getString("result.task.lastUpdatedAt").endsWith("Z"));

        Await.until(() -> ("Waiting at gate " + label).equals(get(session, id).getString("result.statusMessage")));
        CompletableFuture<JsonPath> result = CompletableFuture.supplyAsync(() -> tasks(session, "tasks/result", id));
        Await.sleep(Duration.ofMillis(300));
        assertFalse(result.isDone(), "tasks/result waits while the task works");
        gate.open(label);
        JsonPath answered = result.get(10, TimeUnit.SECONDS);
        assertEquals("Passed gate " + label, answered.getString("result.content[0].text"));
        assertEquals(id, answered.getString("result._meta.'io.modelcontextprotocol/related-task'.taskId"));
        assertEquals("completed", get(session, id).getString("result.status"));

        List<String> listed = tasks(session, "tasks/list", null).getList("result.tasks.taskId");
        assertTrue(listed.contains(id), listed.toString());
    }

    @Test
    void theSessionStreamHearsEachStatusChange() throws Exception {
        String session = initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers)) {
            stream.next(); // priming: the stream is the session's from now on
            String label = UUID.randomUUID().toString();
            String id = call(session, "test.task.gated", "{\"label\":\"" + label + "\"}", "{}")
                    .getString("result.task.taskId");
            JsonPath waiting = JsonPath.from(stream.next().data());
            assertEquals("notifications/tasks/status", waiting.getString("method"));
            assertEquals(id, waiting.getString("params.taskId"));
            assertEquals("Waiting at gate " + label, waiting.getString("params.statusMessage"));
            gate.open(label);
            JsonPath done = JsonPath.from(stream.next().data());
            assertEquals("completed", done.getString("params.status"));
            assertNull(done.get("params._meta"), "status notifications carry no related-task _meta");
        }
    }

    @Test
    void aBurstOfProgressIsCoalescedIntoAFewStatusChangesEndingWithTheLatest() {
        String session = initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers)) {
            stream.next(); // priming
            String label = UUID.randomUUID().toString();
            String id = call(session, "test.task.chatty", "{\"label\":\"" + label + "\",\"steps\":300}", "{}")
                    .getString("result.task.taskId");
            List<String> messages = new java.util.ArrayList<>();
            while (!messages.contains("Step 300 of 300")) {
                JsonPath status = JsonPath.from(stream.poll(Duration.ofSeconds(5))
                        .orElseThrow(() -> new AssertionError("no status with the last step; got " + messages))
                        .data());
                assertEquals(id, status.getString("params.taskId"));
                messages.add(status.getString("params.statusMessage"));
            }
            // One write at a time, at most one per 200 ms: 300 reports in a tight loop make a handful of writes.
            assertTrue(messages.size() <= 5, messages.size() + " status changes for 300 reports: " + messages);
            assertEquals("Step 300 of 300", get(session, id).getString("result.statusMessage"));
            gate.open(label);
            awaitStatus(session, id, "completed");
        }
    }

    @Test
    void ttlDefaultsAndIsCapped() {
        String session = initialize();
        assertEquals(3_600_000L, call(session, "test.task.required", "{}", "{}").getLong("result.task.ttl"));
        assertEquals(
                86_400_000L,
                call(session, "test.task.required", "{}", "{\"ttl\":999999999999}")
                        .getLong("result.task.ttl"));
    }

    @Test
    void aToolErrorFailsTheTaskAndTasksResultStillAnswersIt() {
        String session = initialize();
        String failing = call(session, "test.task.failing", "{}", "{}").getString("result.task.taskId");
        awaitStatus(session, failing, "failed");
        JsonPath result = tasks(session, "tasks/result", failing);
        assertEquals(true, result.getBoolean("result.isError"));
        assertEquals("It failed, as planned", result.getString("result.content[0].text"));

        String crashing = call(session, "test.task.crashing", "{}", "{}").getString("result.task.taskId");
        awaitStatus(session, crashing, "failed");
        assertEquals(-32603, tasks(session, "tasks/result", crashing).getInt("error.code"));
    }

    @Test
    void cancelAnswersTheCancelledTaskAndRefusesAnEndedOne() {
        String session = initialize();
        String label = UUID.randomUUID().toString();
        String id = call(session, "test.task.gated", "{\"label\":\"" + label + "\"}", "{}")
                .getString("result.task.taskId");
        JsonPath cancelled = tasks(session, "tasks/cancel", id);
        assertEquals("cancelled", cancelled.getString("result.status"));
        assertEquals("The task was cancelled by request", cancelled.getString("result.statusMessage"));
        assertEquals("cancelled", get(session, id).getString("result.status"));
        JsonPath again = tasks(session, "tasks/cancel", id);
        assertEquals(-32602, again.getInt("error.code"));
        assertTrue(again.getString("error.message").contains("terminal status 'cancelled'"));
    }

    @Test
    void negotiationErrors() {
        String session = initialize();
        assertEquals(-32601, call(session, "test.plan.checklist", "{}", "{}").getInt("error.code"));
        JsonPath plain =
                post(session, Mcp.call(1, "test.task.required", "{}")).extract().jsonPath();
        assertEquals(-32601, plain.getInt("error.code"));
        assertEquals(
                -32602, call(session, "test.task.required", "{}", "\"soon\"").getInt("error.code"));
        assertEquals(
                -32602,
                call(session, "test.task.required", "{}", "{\"ttl\":-5}").getInt("error.code"));
        assertEquals(-32602, get(session, "unknown-task").getInt("error.code"));

        String older = initialize("2025-06-18");
        assertEquals(-32601, get(older, "unknown-task").getInt("error.code"));
        JsonPath ignored = call(older, "test.task.quick", "{}", "{\"ttl\":1000}");
        assertEquals("quick", ignored.getString("result.content[0].text"), "no tasks before 2025-11-25");
    }

    private static JsonPath call(String session, String tool, String arguments, String task) {
        String body = """
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"%s","arguments":%s,"task":%s}}""".formatted(tool, arguments, task);
        return post(session, body).statusCode(200).extract().jsonPath();
    }

    private static JsonPath get(String session, String id) {
        return tasks(session, "tasks/get", id);
    }

    private static JsonPath tasks(String session, String method, String id) {
        String params = id == null ? "{}" : "{\"taskId\":\"" + id + "\"}";
        return post(session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"" + method + "\",\"params\":" + params + "}")
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void awaitStatus(String session, String id, String status) {
        AtomicReference<String> last = new AtomicReference<>();
        Await.until(Duration.ofSeconds(10), () -> "task " + id + " stayed " + last.get(), () -> {
            last.set(get(session, id).getString("result.status"));
            return status.equals(last.get());
        });
    }
}
