package dev.switchboard.builtin.memory;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The memory tools over MCP, against the Redis store with the default settings: memories outlive sessions, are found
 * from any session and from the stateless era, and live in Redis apart from sessions. Tests share the default
 * namespace, so each one searches for words of its own.
 */
@QuarkusTest
@SharedApp
class MemoryToolsTest {

    private static final String ENTRIES = "switchboard:memory:{default}:entries";
    private static final String EXPIRY = "switchboard:memory:{default}:expiry";

    @Inject
    RedisDataSource redis;

    /** A word no other test uses: letters and digits, so the tokenizer keeps it whole. */
    private static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonPath remember(String session, String text, String tagsJson) {
        String tags = tagsJson == null ? "" : ",\"tags\":" + tagsJson;
        return post(session, call(1, "memory.remember", "{\"text\":\"" + text + "\"" + tags + "}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .jsonPath();
    }

    @Test
    void rememberedInOneSessionRecalledInAnother() {
        String word = uniqueWord();
        JsonPath stored =
                remember(initialize(), "The user " + word + " prefers window seats", "[\"Travel\",\"seats\"]");
        String id = stored.getString("result.structuredContent.id");
        assertTrue(id.matches("[A-Za-z0-9_-]{16}"), id);
        assertEquals("The user " + word + " prefers window seats", stored.getString("result.structuredContent.text"));
        assertEquals(List.of("travel", "seats"), stored.getList("result.structuredContent.tags"));
        assertNotNull(stored.getString("result.structuredContent.storedAt"));
        assertEquals(List.of(), stored.getList("result.structuredContent.evicted"));

        post(initialize(), call(2, "memory.recall", "{\"query\":\"window " + word + "\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.memories", hasSize(1))
                .body("result.structuredContent.memories[0].id", equalTo(id))
                .body("result.structuredContent.memories[0].tags", contains("travel", "seats"))
                .body("result.structuredContent.memories[0].score", greaterThan(0f))
                .body("result.structuredContent.memories[0].matched", contains("window", word))
                .body("result.structuredContent.searched", greaterThan(0));
    }

    @Test
    void theStatelessEraSharesTheSameMemories() {
        String word = uniqueWord();
        String id = Stateless.call("memory.remember")
                .body(Stateless.callBody(1, "memory.remember", "{\"text\":\"Badge " + word + " opens door 4\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .path("result.structuredContent.id");
        post(initialize(), call(2, "memory.recall", "{\"query\":\"" + word + "\"}"))
                .body("result.structuredContent.memories.id", contains(id));
    }

    @Test
    void memoriesLiveInRedisApartFromSessionsAndOutliveThem() {
        String session = initialize();
        String word = uniqueWord();
        String id = remember(session, "Parking spot " + word, null).getString("result.structuredContent.id");

        assertTrue(redis.hash(String.class).hget(ENTRIES, id).contains(word));
        long ttl = redis.key().pttl(EXPIRY);
        assertTrue(
                ttl > Duration.ofDays(89).toMillis()
                        && ttl <= Duration.ofDays(90).toMillis(),
                "kept for the 90-day retention, not the session's 30 minutes: " + ttl);
        assertEquals(
                List.of(),
                redis.key().keys("switchboard:session:{" + session + "}*").stream()
                        .filter(key -> key.contains("memory"))
                        .toList());

        given().header("Mcp-Session-Id", session).delete("/mcp").then().statusCode(204);
        post(initialize(), call(2, "memory.recall", "{\"query\":\"" + word + "\"}"))
                .body("result.structuredContent.memories.id", contains(id));
    }

    @Test
    void recallRanksByRelevanceAndHonoursTheLimit() {
        String session = initialize();
        String word = uniqueWord();
        String flights = remember(session, word + " flights from Lyon", null).getString("result.structuredContent.id");
        String trains = remember(session, word + " trains and buses", null).getString("result.structuredContent.id");
        String both =
                remember(session, word + " flights to Rome", "[\"rome\"]").getString("result.structuredContent.id");

        post(session, call(2, "memory.recall", "{\"query\":\"" + word + " flights rome\"}"))
                .body("result.structuredContent.memories.id", contains(both, flights, trains));
        post(session, call(3, "memory.recall", "{\"query\":\"" + word + " flights rome\",\"limit\":2}"))
                .body("result.structuredContent.memories.id", contains(both, flights));
        post(session, call(4, "memory.recall", "{\"query\":\"" + uniqueWord() + "\"}"))
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.memories", empty());
    }

    @Test
    void forgetDeletesForGoodAndAnUnknownIdIsAnError() {
        String session = initialize();
        String word = uniqueWord();
        String id = remember(session, "Gate code " + word, null).getString("result.structuredContent.id");

        post(session, call(2, "memory.forget", "{\"id\":\"" + id + "\"}"))
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.id", equalTo(id))
                .body("result.structuredContent.text", equalTo("Gate code " + word));
        assertEquals(null, redis.hash(String.class).hget(ENTRIES, id));
        post(session, call(3, "memory.recall", "{\"query\":\"" + word + "\"}"))
                .body("result.structuredContent.memories", empty());
        post(session, call(4, "memory.forget", "{\"id\":\"" + id + "\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("There is no memory with id '" + id + "'"));
    }

    @Test
    void mistakesAreErrorsTheModelCanRead() {
        String session = initialize();
        post(session, call(1, "memory.remember", "{\"text\":\"" + "x".repeat(2001) + "\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("The text has 2001 characters; a memory holds at most 2000. Remember a shorter"
                                + " summary, or split it into separate facts"));
        post(session, call(2, "memory.remember", "{\"text\":\"ok\",\"tags\":[\"" + "t".repeat(51) + "\"]}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("Invalid arguments for tool 'memory.remember': 'tags[0]"));
        post(session, call(3, "memory.recall", "{\"query\":\"tea\",\"limit\":21}"))
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'memory.recall': 'limit' must be less than or equal to 20"
                                + " (@Max)"));
        post(session, call(4, "memory.recall", "{\"query\":\"what is it\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("The query 'what is it' has no words to search for"));
    }

    @Test
    void toolsDescribeTheirEffects() {
        Map<String, Map<String, Object>> tools = listTools();
        assertEquals(false, path(tools.get("memory.remember"), "annotations", "destructiveHint"));
        assertEquals(false, path(tools.get("memory.remember"), "annotations", "idempotentHint"));
        assertEquals(10, path(tools.get("memory.remember"), "inputSchema", "properties", "tags", "maxItems"));
        assertEquals(50, path(tools.get("memory.remember"), "inputSchema", "properties", "tags", "items", "maxLength"));
        assertEquals(true, path(tools.get("memory.recall"), "annotations", "readOnlyHint"));
        assertEquals(List.of("query"), path(tools.get("memory.recall"), "inputSchema", "required"));
        assertEquals(20, path(tools.get("memory.recall"), "inputSchema", "properties", "limit", "maximum"));
        assertEquals(
                "number",
                path(
                        tools.get("memory.recall"),
                        "outputSchema",
                        "properties",
                        "memories",
                        "items",
                        "properties",
                        "score",
                        "type"));
        assertEquals(true, path(tools.get("memory.forget"), "annotations", "destructiveHint"));
    }

    /** Every tool of tools/list by name. */
    private static Map<String, Map<String, Object>> listTools() {
        Map<String, Map<String, Object>> tools = new HashMap<>();
        Mcp.tools(initialize()).forEach(tool -> tools.put((String) tool.get("name"), tool));
        return tools;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @Test
    void idsAreUrlSafe() {
        remember(initialize(), "id check " + uniqueWord(), null);
        post(initialize(), call(1, "memory.remember", "{\"text\":\"another " + uniqueWord() + "\"}"))
                .body("result.structuredContent.id", matchesPattern("[A-Za-z0-9_-]{16}"));
    }
}
