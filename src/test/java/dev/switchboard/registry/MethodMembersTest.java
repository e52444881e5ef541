package dev.switchboard.registry;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static dev.switchboard.testing.Mcp.tools;
import static dev.switchboard.testing.Stateless.body;
import static dev.switchboard.testing.Stateless.request;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.ConformanceProfile;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A tool, a resource, a resource template and a prompt declared as methods of one bean
 * ({@link dev.switchboard.testing.tools.Notebook}): found by the build, named after their methods, served in both eras.
 */
@QuarkusTest
@TestProfile(ConformanceProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MethodMembersTest {

    private static String rpc(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void everyKindIsListedUnderItsMethodsName() {
        String session = initialize();
        assertTrue(tools(session).stream().anyMatch(tool -> "writePage".equals(tool.get("name"))));
        post(session, rpc(2, "resources/list", "{}"))
                .body("result.resources.find { it.uri == 'test://notebook' }.name", equalTo("pageIndex"))
                .body("result.resources.find { it.uri == 'test://notebook' }.mimeType", equalTo("text/plain"));
        post(session, rpc(3, "resources/templates/list", "{}"))
                .body(
                        "result.resourceTemplates.find { it.uriTemplate == 'test://notebook/{page}' }.name",
                        equalTo("page"));
        post(session, rpc(4, "prompts/list", "{}"))
                .body("result.prompts.find { it.name == 'summarisePage' }.arguments.name", contains("page", "words"))
                .body("result.prompts.find { it.name == 'summarisePage' }.arguments.required", contains(true, false))
                .body(
                        "result.prompts.find { it.name == 'summarisePage' }.arguments[0].description",
                        equalTo("The page to summarise"));
    }

    @Test
    void whatTheToolWritesTheResourcesAndThePromptRead() {
        String session = initialize();
        post(session, call(1, "writePage", "{\"page\":\"lisbon\",\"text\":\"Trams and tiles.\"}"))
                .body("result.isError", equalTo(false));
        post(session, rpc(2, "resources/read", "{\"uri\":\"test://notebook\"}"))
                .body("result.contents[0].uri", equalTo("test://notebook"))
                .body("result.contents[0].mimeType", equalTo("text/plain"))
                .body("result.contents[0].text", equalTo("lisbon"));
        post(session, rpc(3, "resources/read", "{\"uri\":\"test://notebook/lisbon\"}"))
                .body("result.contents[0].uri", equalTo("test://notebook/lisbon"))
                .body("result.contents[0].text", equalTo("Trams and tiles."));
        post(session, rpc(4, "prompts/get", "{\"name\":\"summarisePage\",\"arguments\":{\"page\":\"lisbon\"}}"))
                .body("result.messages[0].role", equalTo("user"))
                .body("result.messages[0].content.text", equalTo("Summarise in a few words: Trams and tiles."));
        // The other era reads the same bean.
        request("resources/read")
                .header("Mcp-Name", "test://notebook/lisbon")
                .body(body(5, "resources/read", "\"uri\":\"test://notebook/lisbon\""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.contents[0].text", equalTo("Trams and tiles."));
    }

    @Test
    void mistakesAreAnsweredAsForClassDeclaredOnes() {
        String session = initialize();
        post(session, rpc(1, "resources/read", "{\"uri\":\"test://notebook/nowhere\"}"))
                .body("error.code", equalTo(-32002))
                .body("error.data.uri", equalTo("test://notebook/nowhere"));
        post(session, rpc(2, "prompts/get", "{\"name\":\"summarisePage\",\"arguments\":{\"page\":\" \"}}"))
                .body("error.code", equalTo(-32602))
                .body(
                        "error.message",
                        equalTo("Invalid arguments for prompt 'summarisePage': 'page' must not be blank"));
        post(session, rpc(3, "prompts/get", "{\"name\":\"summarisePage\",\"arguments\":{\"pages\":\"x\"}}"))
                .body("error.code", equalTo(-32602))
                .body(
                        "error.message",
                        equalTo("Unknown argument 'pages' for prompt 'summarisePage'; expected: page, words"));
        post(session, rpc(4, "prompts/get", "{\"name\":\"summarisePage\",\"arguments\":{\"page\":7}}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", equalTo("Prompt 'summarisePage' takes string arguments: page, words"));
        post(session, rpc(5, "prompts/get", "{\"name\":\"summarisePage\",\"arguments\":{\"page\":\"rome\"}}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", equalTo("No page 'rome' in the notebook; write it first"))
                .body("result", nullValue());
    }
}
