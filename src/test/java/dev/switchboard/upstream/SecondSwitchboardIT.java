package dev.switchboard.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * {@code second} (spoken to in 2026-07-28, which it answers {@code server/discover} with) and as {@code paired} (in
 * sessions). Its tools are served under the prefix with their schemas and answer as they answer directly, in both of
 * our eras; state crosses in a workspace handle (2026-07-28) or in the upstream session kept for ours.
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

    /**
     * Speaking 2026-07-28 upstream there is no session: state travels in a workspace handle, which the calendar tools
     * mirror into {@code Mcp-Param-Workspace} (the upstream refuses a call whose header and argument disagree).
     */
    @Test
    void aWorkspaceHandleCarriesStateThroughAStatelessUpstream() {
        String session = Mcp.initialize();
        Await.until(() -> names(session).contains("second.workspace.open"));
        String workspace = Mcp.post(session, Mcp.call(2, "second.workspace.open", "{}"))
                .statusCode(200)
                .extract()
                .path("result.structuredContent.workspace");
        JsonPath added = Mcp.post(
                        session,
                        Mcp.call(
                                3,
                                "second.calendar.add",
                                "{\"title\":\"Launch\",\"start\":\"2026-12-24T09:00:00+01:00\",\"workspace\":\""
                                        + workspace + "\"}"))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(false, added.getBoolean("result.isError"), added.prettify());
        assertEquals(List.of("Launch"), events(session, 4, "second.calendar.list", workspace));
        assertEquals(
                List.of("Launch"),
                events(Mcp.initialize(), 2, "second.calendar.list", workspace),
                "another session of ours with the same handle sees the same workspace");
    }

    /** Spoken to in sessions ({@code protocol=session}), one session of ours keeps one session there. */
    @Test
    void oneSessionHereIsOneSessionThere() {
        String alice = Mcp.initialize();
        String bob = Mcp.initialize();
        Await.until(() -> names(alice).contains("paired.calendar.add"));
        Mcp.post(
                        alice,
                        Mcp.call(
                                2,
                                "paired.calendar.add",
                                "{\"title\":\"Launch\",\"start\":\"2026-12-24T09:00:00+01:00\"}"))
                .statusCode(200);
        assertEquals(List.of("Launch"), events(alice, 3, "paired.calendar.list", null));
        assertEquals(List.of(), events(bob, 2, "paired.calendar.list", null), "bob has an upstream session of his own");
    }

    private static List<String> events(String session, int id, String tool, String workspace) {
        String arguments = workspace == null ? "{}" : "{\"workspace\":\"" + workspace + "\"}";
        JsonPath listed = Mcp.post(session, Mcp.call(id, tool, arguments))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(false, listed.getBoolean("result.isError"), listed.prettify());
        return listed.getList("result.structuredContent.events.title");
    }

    /** It answers server/discover, so {@code second} is spoken to in 2026-07-28; {@code paired} is told to open sessions. */
    @Test
    void theConsoleSaysWhichRevisionEachIsSpokenIn() {
        Await.until(() -> "2026-07-28".equals(revision("second")) && "2025-11-25".equals(revision("paired")));
    }

    private static String revision(String upstream) {
        return io.restassured.RestAssured.given()
                .get("/console/api/upstreams")
                .jsonPath()
                .getString("upstreams.find { it.name == '" + upstream + "' }.revision");
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
