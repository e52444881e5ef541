package dev.switchboard.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SecondSwitchboard;
import dev.switchboard.testing.Stateless;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Switchboard in front of Switchboard: the packaged jar, a real MCP server of our own, mounted as the upstream
 * {@code second}. Its tools are served under the prefix with their schemas, answer as they answer directly, in both
 * of our eras, and one session of ours keeps one session upstream.
 */
@QuarkusTest
@WithTestResource(value = SecondSwitchboard.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Isolated // the other ITs run at once; a Quarkus application (and RestAssured's port) runs alone
class SecondSwitchboardIT {

    private static final String OSLO = "{\"city\":\"Oslo\"}";

    @Test
    void itsToolsAnswerAsTheyDoDirectlyInBothEras() {
        String session = Mcp.initialize();
        Await.until(() -> names(session).contains("second.weather.get"));
        List<Map<String, Object>> tools = Mcp.tools(session);
        Map<String, Object> direct = tool(tools, "weather.get");
        Map<String, Object> proxied = tool(tools, "second.weather.get");
        assertEquals(direct.get("inputSchema"), proxied.get("inputSchema"), "the schema as the upstream gave it");
        assertEquals(direct.get("outputSchema"), proxied.get("outputSchema"));
        assertFalse(names(session).contains("second.memory.remember"), "only the included tools");

        JsonPath here = call(session, 2, "weather.get");
        JsonPath there = call(session, 3, "second.weather.get");
        // The same place, in the same shape (the offline forecast moves with the hour, which a call may straddle).
        assertEquals(
                here.getMap("result.structuredContent.location"), there.getMap("result.structuredContent.location"));
        assertEquals(
                here.getMap("result.structuredContent").keySet(),
                there.getMap("result.structuredContent").keySet());
        assertEquals(false, there.getBoolean("result.isError"));

        JsonPath stateless = Stateless.call("second.weather.get")
                .body(Stateless.callBody(4, "second.weather.get", OSLO))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                here.getMap("result.structuredContent.location"),
                stateless.getMap("result.structuredContent.location"));
    }

    @Test
    void oneSessionHereIsOneSessionThere() {
        String alice = Mcp.initialize();
        String bob = Mcp.initialize();
        Await.until(() -> names(alice).contains("second.calendar.add"));
        Mcp.post(
                        alice,
                        Mcp.call(
                                2,
                                "second.calendar.add",
                                "{\"title\":\"Launch\",\"start\":\"2026-12-24T09:00:00+01:00\"}"))
                .statusCode(200);
        assertEquals(
                List.of("Launch"),
                Mcp.post(alice, Mcp.call(3, "second.calendar.list", "{}"))
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("result.structuredContent.events.title"),
                "alice's next call continues her upstream session");
        assertTrue(
                Mcp.post(bob, Mcp.call(2, "second.calendar.list", "{}"))
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("result.structuredContent.events")
                        .isEmpty(),
                "bob has an upstream session of his own");
    }

    private static JsonPath call(String session, int id, String tool) {
        return Mcp.post(session, Mcp.call(id, tool, OSLO))
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> names(String session) {
        return Mcp.tools(session).stream()
                .map(tool -> (String) tool.get("name"))
                .toList();
    }

    private static Map<String, Object> tool(List<Map<String, Object>> tools, String name) {
        return tools.stream()
                .filter(tool -> name.equals(tool.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }
}
