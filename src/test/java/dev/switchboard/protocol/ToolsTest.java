package dev.switchboard.protocol;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.BuiltinTools;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import groovy.json.JsonOutput;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tools/list, tools/call and the article's shorthand, against the Redis session store. */
@QuarkusTest
@SharedApp
class ToolsTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    ToolRegistry registry;

    @Test
    void listPagesThroughEveryToolInNameOrder() {
        List<JsonPath> pages = Mcp.toolPages(initialize());
        List<String> names = pages.stream()
                .flatMap(page -> page.<String>getList("result.tools.name").stream())
                .toList();
        assertEquals(
                registry.descriptors().stream()
                        .map(descriptor -> descriptor.name())
                        .filter(name -> !name.equals("refreshDashboard"))
                        .toList(),
                names,
                "every tool but the one for a view alone (MCP Apps), which this client renders none of");
        assertEquals(names.stream().sorted().toList(), names, "name order");
        assertTrue(names.containsAll(BuiltinTools.NAMES));
        assertEquals((names.size() + 1) / 2, pages.size(), "page size is 2 in tests");
    }

    @Test
    void listDescribesSchemasAndAnnotations() {
        Map<String, Object> weather = Mcp.tools(initialize()).stream()
                .filter(tool -> tool.get("name").equals("weather.get"))
                .findFirst()
                .orElseThrow();
        JsonPath tool = JsonPath.from(JsonOutput.toJson(weather));
        assertNull(tool.get("inputSchema.required"), "a city or coordinates: neither is required alone");
        assertEquals(1, tool.getInt("inputSchema.properties.city.minLength"));
        assertEquals(List.of("celsius", "fahrenheit"), tool.getList("inputSchema.properties.units.enum"));
        assertEquals("string", tool.getString("outputSchema.properties.temperature.type"));
        assertTrue(tool.getBoolean("annotations.readOnlyHint"));
    }

    @Test
    void invalidCursorIsInvalidParams() {
        post(initialize(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"zzz\"}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("Invalid cursor 'zzz'"));
    }

    @Test
    void callReturnsStructuredContentAndTextCopy() {
        post(initialize(), call(3, "weather.get", "{\"city\":\"Paris\"}"))
                .statusCode(200)
                .body("id", equalTo(3))
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.location.name", equalTo("Paris"))
                .body("result.structuredContent.forecast", org.hamcrest.Matchers.notNullValue())
                .body("result.structuredContent.temperature", org.hamcrest.Matchers.endsWith("°C"))
                .body("result.content[0].type", equalTo("text"))
                .body("result.content[0].text", containsString("\"name\":\"Paris\""));
    }

    @Test
    void unknownToolIsInvalidParams() {
        post(initialize(), call(4, "weather.teleport", "{}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("Unknown tool: 'weather.teleport'"));
        post(initialize(), "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("tools/call needs params.name"));
    }

    @Test
    void invalidArgumentsAreAToolErrorTheModelCanRead() {
        post(initialize(), call(5, "weather.get", "{\"city\":\"\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo(
                                "Invalid arguments for tool 'weather.get': 'city' size must be between 1 and 100 (@Size)"));
        post(initialize(), call(6, "calendar.add", "{\"title\":\"x\",\"start\":\"tomorrow\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("'start' must be an ISO-8601 date-time"));
    }

    @Test
    void shorthandRunsTheToolAndAnswersItsResult() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"weather.get\",\"params\":{\"city\":\"Paris\"}}")
                .statusCode(200)
                .body("id", equalTo("w"))
                .body("result.location.name", equalTo("Paris"))
                .body("result.forecast", org.hamcrest.Matchers.notNullValue())
                .body("result.temperature", org.hamcrest.Matchers.endsWith("°C"));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"weather.get\",\"params\":{\"days\":17}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("'days' must be less than or equal to 16"));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"weather.get\",\"params\":{}}")
                .body("error.code", equalTo(-32000))
                .body("error.message", startsWith("Say where: give a 'city'"));
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"calendar.add\",\"params\":{\"title\":\"x\","
                                + "\"start\":\"2026-01-02T10:00:00Z\",\"end\":\"2026-01-01T10:00:00Z\"}}")
                .body("error.code", equalTo(-32000))
                .body("error.message", startsWith("'end' (2026-01-01T10:00Z) must be after 'start'"));
    }

    @Test
    void shorthandNeedsASessionToo() {
        dev.switchboard.testing.Mcp.request()
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"weather.get\",\"params\":{\"city\":\"Paris\"}}")
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600))
                .body("error.message", startsWith("Missing Mcp-Session-Id header"));
    }

    @Test
    void everyCallIsRecordedInToolsUsedInRedis() throws Exception {
        String session = initialize();
        post(session, call(1, "weather.get", "{\"city\":\"Paris\"}")).statusCode(200);
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"weather.get\",\"params\":{\"city\":\"Oslo\"}}")
                .statusCode(200);
        post(session, call(3, "calendar.list", "{}")).statusCode(200);
        post(session, call(4, "no.such.tool", "{}")).statusCode(200);
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}")
                .statusCode(200);

        // The near cache writes held entries within its flush delay (250 ms), in order.
        List<String> expected = List.of("weather.get", "weather.get", "calendar.list");
        Await.until(
                Duration.ofSeconds(3),
                () -> "tools_used in Redis: " + toolsUsedInRedis(session),
                () -> toolsUsedInRedis(session).equals(expected));
        long ttl = redis.key().pttl("switchboard:session:{" + session + "}:tools");
        org.junit.jupiter.api.Assertions.assertTrue(
                ttl > 0 && ttl <= Duration.ofMinutes(30).plusSeconds(5).toMillis(),
                "tools_used expires with the session (the TTL and the near cache's refresh)");
    }

    private List<String> toolsUsedInRedis(String session) {
        List<String> tools = new ArrayList<>();
        for (String entry : redis.list(String.class).lrange("switchboard:session:{" + session + "}:tools", 0, -1)) {
            try {
                tools.add(mapper.readTree(entry).get("tool").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tools;
    }

    @Test
    void calendarKeepsEventsPerSessionInStartOrder() {
        String session = initialize();
        post(session, call(1, "calendar.add", "{\"title\":\"Lunch\",\"start\":\"2026-11-25T12:00:00+01:00\"}"))
                .body("result.structuredContent.event.title", equalTo("Lunch"))
                .body("result.structuredContent.event.start", equalTo("2026-11-25T12:00:00+01:00"));
        post(
                        session,
                        call(
                                2,
                                "calendar.add",
                                "{\"title\":\"Standup\",\"start\":\"2026-11-25T09:00:00+01:00\","
                                        + "\"end\":\"2026-11-25T09:15:00+01:00\",\"notes\":\"daily\"}"))
                .body("result.isError", equalTo(false));
        post(session, call(3, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", contains("Standup", "Lunch"));
        post(session, call(4, "calendar.list", "{\"from\":\"2026-11-25T10:00:00+01:00\"}"))
                .body("result.structuredContent.events.title", contains("Lunch"));
        post(initialize(), call(5, "calendar.list", "{}")).body("result.structuredContent.events", hasSize(0));
    }
}
