package dev.switchboard.task;

import static dev.switchboard.testing.Stateless.body;
import static dev.switchboard.testing.Stateless.callBody;
import static dev.switchboard.testing.Stateless.meta;
import static dev.switchboard.testing.Stateless.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.tools.TaskGate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The tasks extension of 2026-07-28 on {@code /mcp}: opt-in, the flat task, tasks/get|update|cancel, errors. */
@QuarkusTest
@SharedApp
class StatelessTasksTest {

    private static final String EXTENSION = "io.modelcontextprotocol/tasks";
    private static final String OPTED_IN = meta("{\"elicitation\":{},\"extensions\":{\"" + EXTENSION + "\":{}}}");

    @Inject
    TaskGate gate;

    @Test
    void discoveryAdvertisesTheExtensionAndNoV1Capability() {
        JsonPath discovered = post("server/discover", null, body(1, "server/discover", ""));
        assertEquals(Map.of(), discovered.getMap("result.capabilities.extensions.'" + EXTENSION + "'"));
        assertNull(discovered.get("result.capabilities.tasks"));
        JsonPath tools = post("tools/list", null, body(2, "tools/list", "", OPTED_IN));
        assertEquals(
                List.of(),
                tools.getList("result.tools.execution").stream()
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                "2026-07-28 has no execution field");
    }

    @Test
    void aCallBecomesATaskThatAnyRequestCanFollowToItsResult() {
        String label = UUID.randomUUID().toString();
        JsonPath created = call("test.task.gated", "{\"label\":\"" + label + "\"}", OPTED_IN);
        assertEquals("task", created.getString("result.resultType"));
        String id = created.getString("result.taskId");
        assertTrue(id.matches("[A-Za-z0-9_-]{22,}"), "at least 128 random bits, URL-safe: " + id);
        assertEquals("working", created.getString("result.status"));
        assertEquals(3_600_000L, created.getLong("result.ttlMs"));
        assertEquals(1_000L, created.getLong("result.pollIntervalMs"));
        assertTrue(created.getString("result.createdAt").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        for (String absent : new String[] {"result", "error", "inputRequests", "requestState", "ttl", "task"}) {
            assertNull(created.get("result." + absent), absent + " is not part of CreateTaskResult");
        }

        JsonPath working = get(id);
        assertEquals("complete", working.getString("result.resultType"));
        assertEquals("working", working.getString("result.status"));
        assertEquals("Waiting at gate " + label, working.getString("result.statusMessage"));
        assertNull(working.get("result.result"));

        gate.open(label);
        JsonPath done = awaitStatus(id, "completed");
        assertEquals("Passed gate " + label, done.getString("result.result.content[0].text"));
        assertEquals(false, done.getBoolean("result.result.isError"));
        assertNull(done.get("result.result._meta"), "no related-task _meta on the inlined result");
        assertNull(done.get("result.error"));
    }

    @Test
    void withoutTheOptInTaskCapableToolsRunPlainlyAndRequiredOnesAreRefused() {
        JsonPath quick = call("test.task.quick", "{}", meta());
        assertEquals("complete", quick.getString("result.resultType"));
        assertEquals("quick", quick.getString("result.content[0].text"));

        JsonPath required = call("test.task.required", "{}", meta());
        assertEquals(-32021, required.getInt("error.code"));
        assertEquals(Map.of(), required.getMap("error.data.requiredCapabilities.extensions.'" + EXTENSION + "'"));

        JsonPath gated = post("tasks/get", "0123", body(2, "tasks/get", "\"taskId\":\"0123\""));
        assertEquals(-32021, gated.getInt("error.code"));
    }

    @Test
    void aCallThatEndsBeforeItBecomesATaskIsAnsweredDirectly() {
        JsonPath quick = call("test.task.quick", "{}", OPTED_IN);
        assertEquals("complete", quick.getString("result.resultType"));
        assertEquals("quick", quick.getString("result.content[0].text"));
        assertNull(quick.get("result.taskId"));
    }

    @Test
    void aLegacyTaskParamIsIgnored() {
        JsonPath plain = request("tools/call")
                .header("Mcp-Name", "test.plan.checklist")
                .body(callBody(3, "test.plan.checklist", "{}", "\"task\":{\"ttl\":60000}", OPTED_IN))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("complete", plain.getString("result.resultType"));
        assertNull(plain.get("result.taskId"));
    }

    @Test
    void aToolErrorCompletesTheTaskAndACrashFailsIt() {
        String failing = call("test.task.failing", "{}", OPTED_IN).getString("result.taskId");
        JsonPath completed = awaitStatus(failing, "completed");
        assertEquals(true, completed.getBoolean("result.result.isError"));
        assertEquals("It failed, as planned", completed.getString("result.result.content[0].text"));

        String crashing = call("test.task.crashing", "{}", OPTED_IN).getString("result.taskId");
        JsonPath failed = awaitStatus(crashing, "failed");
        assertEquals(-32603, failed.getInt("result.error.code"));
        assertNull(failed.get("result.result"));
    }

    @Test
    void inputRequestsAreAnsweredByTasksUpdateOneAtATime() {
        String id = call("test.task.asking", "{}", OPTED_IN).getString("result.taskId");
        JsonPath waiting = awaitStatus(id, "input_required");
        assertEquals("elicitation/create", waiting.getString("result.inputRequests.name.method"));
        assertEquals("Your name?", waiting.getString("result.inputRequests.name.params.message"));
        assertEquals("elicitation/create", waiting.getString("result.inputRequests.sure.method"));

        JsonPath ack = update(id, "{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}},\"nope\":{}}");
        assertEquals(Map.of("resultType", "complete"), withoutMeta(ack.getMap("result")));
        JsonPath partly = get(id);
        assertEquals("input_required", partly.getString("result.status"));
        assertEquals(
                java.util.Set.of("sure"), partly.getMap("result.inputRequests").keySet());

        update(id, "{\"sure\":{\"action\":\"accept\",\"content\":{\"sure\":\"yes\"}}}");
        JsonPath done = awaitStatus(id, "completed");
        assertEquals("Hello, Ada (yes)", done.getString("result.result.content[0].text"));
    }

    @Test
    void cancelAcknowledgesStopsTheToolAndIsANoOpOnceEnded() {
        String label = UUID.randomUUID().toString();
        String id = call("test.task.gated", "{\"label\":\"" + label + "\"}", OPTED_IN)
                .getString("result.taskId");
        JsonPath ack = cancel(id);
        assertEquals(Map.of("resultType", "complete"), withoutMeta(ack.getMap("result")));
        assertEquals("cancelled", get(id).getString("result.status"));
        gate.open(label); // the tool, interrupted, ended without undoing the cancellation
        Await.sleep(java.time.Duration.ofMillis(200));
        assertEquals("cancelled", get(id).getString("result.status"));
        assertEquals("complete", cancel(id).getString("result.resultType"));
    }

    @Test
    void listenersOfATaskHearOfEachChange() {
        String label = UUID.randomUUID().toString();
        String id = call("test.task.gated", "{\"label\":\"" + label + "\"}", OPTED_IN)
                .getString("result.taskId");
        String listen =
                body("\"t-1\"", "subscriptions/listen", "\"notifications\":{\"taskIds\":[\"" + id + "\"]}", OPTED_IN);
        try (SseTestClient stream = SseTestClient.post(
                RestAssured.port,
                listen,
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen"))) {
            JsonPath ack = JsonPath.from(stream.next().data());
            assertEquals(List.of(id), ack.getList("params.notifications.taskIds"));
            gate.open(label);
            JsonPath changed = JsonPath.from(stream.next().data());
            assertEquals("notifications/tasks", changed.getString("method"));
            assertEquals(id, changed.getString("params.taskId"));
            assertEquals("completed", changed.getString("params.status"));
            assertEquals("Passed gate " + label, changed.getString("params.result.content[0].text"));
            assertEquals("t-1", changed.getString("params._meta.'io.modelcontextprotocol/subscriptionId'"));
        }
        JsonPath notOptedIn = post(
                "subscriptions/listen",
                null,
                body(9, "subscriptions/listen", "\"notifications\":{\"taskIds\":[\"" + id + "\"]}", meta()));
        assertEquals(-32021, notOptedIn.getInt("error.code"));
    }

    @Test
    void unknownIdsRemovedMethodsAndMismatchedHeadersAreRefused() {
        assertEquals(-32602, get("00000000000000000000000000000000").getInt("error.code"));
        for (String removed : new String[] {"tasks/result", "tasks/list"}) {
            JsonPath refused = post(removed, null, body(4, removed, "\"taskId\":\"x\"", OPTED_IN));
            assertEquals(-32601, refused.getInt("error.code"), removed);
        }
        JsonPath mismatch = request("tasks/get")
                .header("Mcp-Name", "another")
                .body(body(5, "tasks/get", "\"taskId\":\"x\"", OPTED_IN))
                .post("/mcp")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertEquals(-32020, mismatch.getInt("error.code"));
    }

    private static Map<String, Object> withoutMeta(Map<String, Object> result) {
        Map<String, Object> copy = new java.util.HashMap<>(result);
        copy.remove("_meta");
        return copy;
    }

    private static JsonPath call(String tool, String arguments, String meta) {
        return post("tools/call", tool, callBody(1, tool, arguments, "", meta));
    }

    private static JsonPath get(String id) {
        return post("tasks/get", id, body(2, "tasks/get", "\"taskId\":\"" + id + "\"", OPTED_IN));
    }

    private static JsonPath cancel(String id) {
        return post("tasks/cancel", id, body(3, "tasks/cancel", "\"taskId\":\"" + id + "\"", OPTED_IN));
    }

    private static JsonPath update(String id, String responses) {
        return post(
                "tasks/update",
                id,
                body(4, "tasks/update", "\"taskId\":\"" + id + "\",\"inputResponses\":" + responses, OPTED_IN));
    }

    private static JsonPath awaitStatus(String id, String status) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        Await.until(
                java.time.Duration.ofSeconds(10),
                () -> "task " + id + " never reached " + status + "; last: "
                        + last.get().prettify(),
                () -> {
                    last.set(get(id));
                    return status.equals(last.get().getString("result.status"));
                });
        return last.get();
    }

    private static JsonPath post(String method, String name, String body) {
        var request = request(method);
        if (name != null) {
            request = request.header("Mcp-Name", name);
        }
        return request.body(body).post("/mcp").then().extract().jsonPath();
    }
}
