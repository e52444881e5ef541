package dev.switchboard.view;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP Apps extension in both eras: declared; tools show their view in {@code _meta.ui} only to clients that
 * render views, and a tool for its view alone is listed only to them; each view is a {@code ui://} resource read as
 * {@code text/html;profile=mcp-app} with the {@code _meta.ui} its {@code @AppView} asks for.
 */
@QuarkusTest
@SharedApp
class ViewsTest {

    private static final String APPS = "io.modelcontextprotocol/ui";
    private static final String RENDERS_VIEWS =
            "{\"extensions\":{\"" + APPS + "\":{\"mimeTypes\":[\"text/html;profile=mcp-app\"]}}}";
    /** The extension declared without the HTML type: this client renders no view we have. */
    private static final String OTHER_TYPES = "{\"extensions\":{\"" + APPS + "\":{\"mimeTypes\":[\"text/x-other\"]}}}";

    @Test
    void bothErasDeclareTheExtension() {
        Mcp.request()
                .body(Mcp.initializeBody("2025-06-18"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.capabilities.extensions.'" + APPS + "'", equalTo(Map.of()));
        Stateless.request("server/discover")
                .body(Stateless.body(1, "server/discover", ""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.capabilities.extensions.'" + APPS + "'", equalTo(Map.of()));
    }

    @Test
    void aClientThatRendersViewsSeesEachToolsViewAndTheToolsForViewsAlone() {
        Map<String, Map<String, Object>> tools = byName(Mcp.tools(Mcp.initialize("2025-11-25", RENDERS_VIEWS)));
        assertEquals(
                Map.of("resourceUri", "ui://switchboard/weather", "visibility", List.of("model", "app")),
                ui(tools.get("weather.get")));
        assertEquals("ui://switchboard/calendar", ui(tools.get("calendar.list")).get("resourceUri"));
        assertEquals(
                Map.of("resourceUri", "ui://test/dashboard", "visibility", List.of("app")),
                ui(tools.get("refreshDashboard")),
                "a tool for its view alone, listed to the host that decides who calls it");
        assertNull(tools.get("calendar.add").get("_meta"), "a tool without a view has no _meta");
    }

    @Test
    void otherClientsSeePlainToolsWithoutTheToolsForViewsAlone() {
        for (String capabilities : List.of("{}", OTHER_TYPES)) {
            Map<String, Map<String, Object>> tools = byName(Mcp.tools(Mcp.initialize("2025-11-25", capabilities)));
            assertTrue(tools.containsKey("weather.get"), capabilities);
            assertTrue(tools.containsKey("dashboard"), "a tool with a view stays a plain tool for " + capabilities);
            assertFalse(tools.containsKey("refreshDashboard"), "hidden from the model of " + capabilities);
            tools.values().forEach(tool -> assertNull(tool.get("_meta"), tool.get("name") + " for " + capabilities));
        }
    }

    @Test
    void aStatelessRequestIsAnsweredAsItsOwnCapabilitiesSay() {
        Map<String, Map<String, Object>> rendering = byName(statelessTools(RENDERS_VIEWS));
        assertEquals(
                "ui://switchboard/weather", ui(rendering.get("weather.get")).get("resourceUri"));
        assertTrue(rendering.containsKey("refreshDashboard"));
        Map<String, Map<String, Object>> plain = byName(statelessTools("{}"));
        assertNull(plain.get("weather.get").get("_meta"));
        assertFalse(plain.containsKey("refreshDashboard"));
    }

    @Test
    void eachViewIsAnHtmlResourceWithItsUiSettings() throws IOException {
        String session = Mcp.initialize("2025-11-25", RENDERS_VIEWS);
        JsonPath weather = read(session, "ui://switchboard/weather");
        assertEquals("text/html;profile=mcp-app", weather.getString("result.contents[0].mimeType"));
        assertEquals(file("views/weather.html"), weather.getString("result.contents[0].text"));
        assertEquals(Map.of("prefersBorder", true), weather.getMap("result.contents[0]._meta.ui"));

        JsonPath dashboard = read(session, "ui://test/dashboard");
        assertEquals(file("views/test-dashboard.html"), dashboard.getString("result.contents[0].text"));
        assertEquals(
                Map.of(
                        "csp",
                        Map.of(
                                "connectDomains", List.of("https://api.example.com"),
                                "resourceDomains", List.of("https://cdn.example.com", "https://*.example.org")),
                        "permissions",
                        Map.of("clipboardWrite", Map.of()),
                        "prefersBorder",
                        false),
                dashboard.getMap("result.contents[0]._meta.ui"));

        List<Map<String, Object>> resources = new ArrayList<>();
        String cursor = null;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonPath page = Mcp.post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\",\"params\":" + params + "}")
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            resources.addAll(page.getList("result.resources"));
            cursor = page.getString("result.nextCursor");
        } while (cursor != null);
        Map<String, Object> listed = resources.stream()
                .filter(resource -> "ui://switchboard/calendar".equals(resource.get("uri")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ui://switchboard/calendar is not listed: " + resources));
        assertEquals("text/html;profile=mcp-app", listed.get("mimeType"));
        assertEquals("Calendar view", listed.get("name"));
    }

    private static List<Map<String, Object>> statelessTools(String capabilities) {
        List<Map<String, Object>> tools = new ArrayList<>();
        String cursor = null;
        do {
            String params = cursor == null ? "" : "\"cursor\":\"" + cursor + "\"";
            JsonPath page = Stateless.request("tools/list")
                    .body(Stateless.body(1, "tools/list", params, Stateless.meta(capabilities)))
                    .post("/mcp")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            tools.addAll(page.getList("result.tools"));
            cursor = page.getString("result.nextCursor");
        } while (cursor != null);
        return tools;
    }

    private static JsonPath read(String session, String uri) {
        return Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{\"uri\":\"" + uri
                                + "\"}}")
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> tools) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        tools.forEach(tool -> byName.put((String) tool.get("name"), tool));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ui(Map<String, Object> tool) {
        Map<String, Object> meta = (Map<String, Object>) tool.get("_meta");
        assertTrue(meta != null, tool.get("name") + " has no _meta: " + tool);
        return (Map<String, Object>) meta.get("ui");
    }

    private static String file(String path) throws IOException {
        try (InputStream in = ViewsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
