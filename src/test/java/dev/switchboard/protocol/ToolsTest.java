package dev.switchboard.protocol;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tools/list, tools/call and the article's shorthand, against the Redis session store. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ToolsTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @Test
    void listPagesThroughEveryToolInNameOrder() {
        String session = initialize();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            var page = post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":" + params + "}")
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            names.addAll(page.getList("result.tools.name"));
            cursor = page.getString("result.nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(
                List.of(
                        "calendar.add",
                        "calendar.list",
                        "history.tools_used",
                        "search",
                        "weather.get",
                        "workspace.open"),
                names);
        assertEquals(3, pages, "page size is 2 in tests");
    }

    @Test
    void listDescribesSchemasAndAnnotations() {
        post(
                        initialize(),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\""
                                + Pagination.encode(4) + "\"}}")
                .body("result.tools", hasSize(2))
                .body("result.tools[0].name", equalTo("weather.get"))
                .body("result.tools[0].inputSchema.required", contains("city"))
                .body("result.tools[0].inputSchema.properties.city.minLength", equalTo(1))
                .body("result.tools[0].outputSchema.properties.temperature.type", equalTo("string"))
                .body("result.tools[0].annotations.readOnlyHint", equalTo(true))
                .body("result.tools[1].name", equalTo("workspace.open"))
                .body("result.nextCursor", nullValue());
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
                .body("result.structuredContent.city", equalTo("Paris"))
                .body("result.structuredContent.forecast", org.hamcrest.Matchers.notNullValue())
                .body("result.structuredContent.temperature", org.hamcrest.Matchers.endsWith("°C"))
                .body("result.content[0].type", equalTo("text"))
                .body("result.content[0].text", containsString("\"city\":\"Paris\""));
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
                        equalTo("Invalid arguments for tool 'weather.get': 'city' must not be blank (@NotBlank)"));
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
                .body("result.city", equalTo("Paris"))
                .body("result.forecast", org.hamcrest.Matchers.notNullValue())
                .body("result.temperature", org.hamcrest.Matchers.endsWith("°C"));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"weather.get\",\"params\":{}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("'city' must not be blank"));
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
                .statusCode(400);
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

        List<String> raw = redis.list(String.class).lrange("switchboard:session:{" + session + "}:tools", 0, -1);
        List<String> tools = new ArrayList<>();
        for (String entry : raw) {
            tools.add(mapper.readTree(entry).get("tool").asText());
        }
        assertEquals(List.of("weather.get", "weather.get", "calendar.list"), tools);
        long ttl = redis.key().pttl("switchboard:session:{" + session + "}:tools");
        org.junit.jupiter.api.Assertions.assertTrue(
                ttl > 0 && ttl <= java.time.Duration.ofMinutes(30).toMillis(), "tools_used expires with the session");
    }

    @Test
    void calendarKeepsEventsPerSessionInStartOrder() {
        String session = initialize();
        post(session, call(1, "calendar.add", "{\"title\":\"Lunch\",\"start\":\"2026-11-25T12:00:00+01:00\"}"))
                .body("result.structuredContent.title", equalTo("Lunch"))
                .body("result.structuredContent.start", equalTo("2026-11-25T12:00:00+01:00"));
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
