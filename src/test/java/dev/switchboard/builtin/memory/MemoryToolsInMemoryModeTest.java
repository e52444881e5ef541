package dev.switchboard.builtin.memory;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.testing.MemoryStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With the embedded store (dev mode) the memory tools keep memories in memory: Redis points nowhere here. */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class MemoryToolsInMemoryModeTest {

    @Test
    void rememberAndRecallWithoutRedis() {
        String id = post(initialize(), call(1, "memory.remember", "{\"text\":\"Embedded kiwi memory\"}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .path("result.structuredContent.id");
        post(initialize(), call(2, "memory.recall", "{\"query\":\"kiwi\"}"))
                .statusCode(200)
                .body("result.structuredContent.memories.id", contains(id));
        post(initialize(), call(3, "memory.forget", "{\"id\":\"" + id + "\"}"))
                .body("result.structuredContent.text", equalTo("Embedded kiwi memory"));
    }
}
