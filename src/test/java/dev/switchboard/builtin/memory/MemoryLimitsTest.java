package dev.switchboard.builtin.memory;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The memory settings at work over MCP: a configured namespace, 2 s retention, 3 memories, 100 characters. */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MemoryLimitsTest {

    private static final String BASE = "switchboard:memory:{" + SmallLimitsProfile.MEMORY_NAMESPACE + "}";

    @Inject
    RedisDataSource redis;

    private static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String remember(String session, String text) {
        return post(session, call(1, "memory.remember", "{\"text\":\"" + text + "\"}"))
                .body("result.isError", equalTo(false))
                .extract()
                .path("result.structuredContent.id");
    }

    @Test
    void theNamespaceScopesTheKeys() {
        String word = uniqueWord();
        String id = remember(initialize(), "Namespaced " + word);
        assertTrue(redis.hash(String.class).hget(BASE + ":entries", id).contains(word));
        assertEquals(null, redis.hash(String.class).hget("switchboard:memory:{default}:entries", id));
        long ttl = redis.key().pttl(BASE + ":expiry");
        assertTrue(ttl > 0 && ttl <= 2000, "the keys carry the 2 s retention: " + ttl);
    }

    @Test
    void aFullMemoryForgetsTheLeastRecentlyUsed() {
        String session = initialize();
        String word = uniqueWord();
        String first = remember(session, "first " + word);
        String second = remember(session, "second " + word);
        String third = remember(session, "third " + word);
        post(session, call(2, "memory.remember", "{\"text\":\"fourth " + word + "\"}"))
                .body("result.structuredContent.evicted", contains(first));
        post(session, call(3, "memory.recall", "{\"query\":\"" + word + "\",\"limit\":20}"))
                .body("result.structuredContent.searched", equalTo(3))
                .body(
                        "result.structuredContent.memories.text",
                        contains("fourth " + word, "third " + word, "second " + word));
        assertEquals(3L, redis.hash(String.class).hlen(BASE + ":entries"));
        assertTrue(List.of(second, third).stream()
                .allMatch(id -> redis.hash(String.class).hexists(BASE + ":entries", id)));
    }

    @Test
    void textBeyondTheConfiguredLengthIsAnError() {
        String session = initialize();
        remember(session, "y".repeat(100));
        post(session, call(2, "memory.remember", "{\"text\":\"" + "y".repeat(101) + "\"}"))
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("The text has 101 characters; a memory holds at most 100. Remember a shorter summary,"
                                + " or split it into separate facts"));
    }

    @Test
    void unusedMemoriesAreForgottenAfterTheRetention() {
        String session = initialize();
        String word = uniqueWord();
        remember(session, "Short-lived " + word);
        post(session, call(2, "memory.recall", "{\"query\":\"" + word + "\"}"))
                .body("result.structuredContent.memories.text", contains("Short-lived " + word));

        // Unused for the 2 s retention: Redis drops the keys (sessions last 2.5 s here, so a new one asks).
        Await.until(() -> redis.key().exists(BASE + ":entries", BASE + ":expiry") == 0);
        post(initialize(), call(3, "memory.recall", "{\"query\":\"" + word + "\"}"))
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.memories", empty())
                .body("result.structuredContent.searched", equalTo(0));
    }
}
