package dev.switchboard.task;

import static dev.switchboard.testing.Stateless.body;
import static dev.switchboard.testing.Stateless.callBody;
import static dev.switchboard.testing.Stateless.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task belongs to the principal that created it: to anyone else its id is as unknown as a made-up one. */
@QuarkusTest
@SharedApp
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TaskOwnershipTest {

    private static final String OPTED_IN = meta("{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");

    Tokens tokens;

    @Test
    void anotherPrincipalGetsWhatAnUnknownIdGets() {
        String alice = tokens.valid("alice", "mcp");
        String bob = tokens.valid("bob", "mcp");
        String id = post(
                        alice,
                        "tools/call",
                        "test.task.required",
                        callBody(1, "test.task.required", "{}", "", OPTED_IN))
                .getString("result.taskId");
        assertEquals(id, post(alice, "tasks/get", id, taskBody("tasks/get", id)).getString("result.taskId"));

        JsonPath unknown = post(bob, "tasks/get", "made-up", taskBody("tasks/get", "made-up"));
        for (String method : new String[] {"tasks/get", "tasks/cancel"}) {
            JsonPath refused = post(bob, method, id, taskBody(method, id));
            assertEquals(unknown.getInt("error.code"), refused.getInt("error.code"), method);
            assertEquals(unknown.getString("error.message"), refused.getString("error.message"), method);
        }
        JsonPath update = post(
                bob,
                "tasks/update",
                id,
                body(3, "tasks/update", "\"taskId\":\"" + id + "\",\"inputResponses\":{}", OPTED_IN));
        assertEquals(-32602, update.getInt("error.code"));

        String session = Mcp.request()
                .header("Authorization", "Bearer " + bob)
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .header("Mcp-Session-Id");
        List<String> bobs = Mcp.request(session)
                .header("Authorization", "Bearer " + bob)
                .body("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tasks/list\",\"params\":{}}")
                .post("/mcp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("result.tasks.taskId");
        assertFalse(bobs.contains(id), "bob's tasks/list shows alice's task");
    }

    private static String taskBody(String method, String id) {
        return body(2, method, "\"taskId\":\"" + id + "\"", OPTED_IN);
    }

    private static JsonPath post(String token, String method, String name, String body) {
        return Stateless.request(method)
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Name", name)
                .body(body)
                .post("/mcp")
                .then()
                .extract()
                .jsonPath();
    }
}
