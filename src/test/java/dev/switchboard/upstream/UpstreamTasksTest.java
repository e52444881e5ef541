package dev.switchboard.upstream;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.UpstreamProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks through us, with the reference server "everything": its {@code simulate-research-query} runs only as a task
 * there ({@code execution.taskSupport: required}) and answers our plain calls in both eras; any of its tools runs as
 * one of our tasks when our caller asks for one.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamTasksTest {

    private static final String RESEARCH = "everything.simulate-research-query";

    @BeforeEach
    void upstreamToolsAreMounted() {
        String session = initialize();
        Await.until(
                Duration.ofSeconds(30),
                () -> RESEARCH + " was never listed",
                () -> Mcp.tools(session).stream().anyMatch(tool -> RESEARCH.equals(tool.get("name"))));
    }

    @Test
    void aToolTheUpstreamRunsOnlyAsATaskAnswersAPlainCallInBothEras() {
        String session = initialize();
        post(session, call(1, RESEARCH, "{\"topic\":\"tides\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("Research Report: tides"));
        Stateless.call(RESEARCH)
                .body(Stateless.callBody(2, RESEARCH, "{\"topic\":\"moons\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.resultType", equalTo("complete"))
                .body("result.content[0].text", containsString("Research Report: moons"));
    }

    @Test
    void ourCallersMayRunUpstreamToolsAsOurTasks() {
        String session = initialize();
        Map<String, Object> echo = Mcp.tools(session).stream()
                .filter(tool -> "everything.echo".equals(tool.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("taskSupport", "optional"), echo.get("execution"));
        JsonPath created = post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"everything.echo\","
                                + "\"arguments\":{\"message\":\"later\"},\"task\":{}}}")
                .statusCode(200)
                .extract()
                .jsonPath();
        String id = created.getString("result.task.taskId");
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tasks/result\",\"params\":{\"taskId\":\"" + id
                                + "\"}}")
                .statusCode(200)
                .body("result.content[0].text", equalTo("Echo: later"));
    }
}
