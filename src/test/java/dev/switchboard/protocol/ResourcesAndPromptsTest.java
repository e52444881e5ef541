package dev.switchboard.protocol;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.ConformanceProfile;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SseTestClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resources, templates, subscriptions, prompts and completion, with the conformance fixtures and built-ins. */
@QuarkusTest
@TestProfile(ConformanceProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResourcesAndPromptsTest {

    @Inject
    ObjectMapper mapper;

    private static String rpc(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void listsResourcesAndTemplatesInUriOrder() {
        String session = initialize();
        post(session, rpc(1, "resources/list", "{}"))
                .body(
                        "result.resources.uri",
                        contains(
                                "skill://plan-a-day/SKILL.md", // the shipped skill's files (Skills extension)
                                "skill://plan-a-day/references/checklist.md",
                                "switchboard://session/calendar",
                                "switchboard://session/calendar.ics",
                                "switchboard://session/tools-used",
                                "test://notebook",
                                "test://static-binary",
                                "test://static-text",
                                "test://watched-resource",
                                "ui://switchboard/calendar",
                                "ui://switchboard/weather",
                                "ui://test/dashboard"))
                .body("result.resources[2].mimeType", equalTo("application/json"))
                .body("result.nextCursor", nullValue());
        post(session, rpc(2, "resources/templates/list", "{}"))
                .body(
                        "result.resourceTemplates.uriTemplate",
                        contains(
                                "switchboard://workspaces/{workspace}/calendar",
                                "switchboard://workspaces/{workspace}/calendar.ics",
                                "test://notebook/{page}",
                                "test://template/{id}/data"));
    }

    @Test
    void readsTextBlobAndTemplateResources() {
        String session = initialize();
        post(session, rpc(1, "resources/read", "{\"uri\":\"test://static-text\"}"))
                .body("result.contents[0].text", equalTo("This is the content of the static text resource."))
                .body("result.contents[0].mimeType", equalTo("text/plain"));
        post(session, rpc(2, "resources/read", "{\"uri\":\"test://static-binary\"}"))
                .body("result.contents[0].blob", startsWith("iVBOR"))
                .body("result.contents[0].text", nullValue());
        post(session, rpc(3, "resources/read", "{\"uri\":\"test://template/a%20b/data\"}"))
                .body("result.contents[0].uri", equalTo("test://template/a%20b/data"))
                .body("result.contents[0].text", containsString("Data for ID: a b"));
    }

    @Test
    void unknownResourceIsResourceNotFound() {
        post(initialize(), rpc(1, "resources/read", "{\"uri\":\"test://nowhere\"}"))
                .body("error.code", equalTo(-32002))
                .body("error.message", startsWith("Resource not found: test://nowhere"))
                .body("error.data.uri", equalTo("test://nowhere"));
        post(initialize(), rpc(2, "resources/read", "{}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", equalTo("resources/read needs params.uri, a resource URI"));
    }

    @Test
    void toolsUsedHistoryIsAResource() throws Exception {
        String session = initialize();
        post(session, call(1, "weather.get", "{\"city\":\"Lyon\"}")).statusCode(200);
        String text = post(session, rpc(2, "resources/read", "{\"uri\":\"switchboard://session/tools-used\"}"))
                .extract()
                .path("result.contents[0].text");
        JsonNode history = mapper.readTree(text);
        assertEquals("weather.get", history.get(0).get("tool").asText());
    }

    @Test
    void subscribersHearOfUpdatesOnTheirStream() throws Exception {
        String session = initialize();
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.get(RestAssured.port, headers)) {
            stream.next(); // priming
            post(session, rpc(1, "resources/subscribe", "{\"uri\":\"switchboard://session/calendar\"}"))
                    .body("result", equalTo(Map.of()));
            post(session, rpc(10, "resources/subscribe", "{\"uri\":\"switchboard://session/calendar.ics\"}"))
                    .body("result", equalTo(Map.of()));
            post(session, call(2, "calendar.add", "{\"title\":\"Demo\",\"start\":\"2026-12-01T10:00:00Z\"}"))
                    .body("result.isError", equalTo(false));
            JsonNode update = mapper.readTree(stream.next().data());
            assertEquals("notifications/resources/updated", update.get("method").asText());
            assertEquals(
                    "switchboard://session/calendar", update.at("/params/uri").asText());
            // Both views of the calendar, announced together.
            assertEquals(
                    "switchboard://session/calendar.ics",
                    mapper.readTree(stream.next().data()).at("/params/uri").asText());
            post(session, rpc(11, "resources/unsubscribe", "{\"uri\":\"switchboard://session/calendar.ics\"}"))
                    .body("result", equalTo(Map.of()));

            post(session, rpc(3, "resources/unsubscribe", "{\"uri\":\"switchboard://session/calendar\"}"))
                    .body("result", equalTo(Map.of()));
            post(session, call(4, "calendar.add", "{\"title\":\"Quiet\",\"start\":\"2026-12-02T10:00:00Z\"}"));
            // A subscribed resource of another session must not leak here either.
            String other = initialize();
            post(other, rpc(5, "resources/subscribe", "{\"uri\":\"switchboard://session/calendar\"}"));
            post(other, call(6, "calendar.add", "{\"title\":\"Elsewhere\",\"start\":\"2026-12-03T10:00:00Z\"}"));
            post(session, rpc(7, "resources/subscribe", "{\"uri\":\"test://watched-resource\"}"));
            String text = post(session, rpc(8, "resources/read", "{\"uri\":\"switchboard://session/calendar\"}"))
                    .extract()
                    .path("result.contents[0].text");
            assertTrue(text.contains("Quiet") && !text.contains("Elsewhere"), text);
            assertEquals(
                    java.util.Optional.empty(),
                    stream.poll(java.time.Duration.ofMillis(300)),
                    "no update after unsubscribing, none from another session");
        }
        post(session, rpc(9, "resources/subscribe", "{\"uri\":\"test://nowhere\"}"))
                .body("error.code", equalTo(-32002));
    }

    @Test
    void promptsListTheirArguments() {
        post(initialize(), rpc(1, "prompts/list", "{}"))
                .body("result.prompts.name", hasItem("test_prompt_with_arguments"))
                .body(
                        "result.prompts.find { it.name == 'test_prompt_with_arguments' }.arguments.name",
                        contains("arg1", "arg2"))
                .body(
                        "result.prompts.find { it.name == 'test_prompt_with_arguments' }.arguments.required",
                        contains(true, true))
                .body("result.prompts.find { it.name == 'test_simple_prompt' }.arguments", nullValue());
    }

    @Test
    void promptsAreFilledInAndChecked() {
        String session = initialize();
        post(
                        session,
                        rpc(
                                1,
                                "prompts/get",
                                "{\"name\":\"test_prompt_with_arguments\",\"arguments\":"
                                        + "{\"arg1\":\"a\",\"arg2\":\"b\"}}"))
                .body("result.messages[0].role", equalTo("user"))
                .body("result.messages[0].content.text", equalTo("Prompt with arguments: arg1='a', arg2='b'"));
        post(session, rpc(2, "prompts/get", "{\"name\":\"test_prompt_with_image\"}"))
                .body("result.messages[0].content.type", equalTo("image"))
                .body("result.messages[0].content.mimeType", equalTo("image/png"));
        post(
                        session,
                        rpc(
                                3,
                                "prompts/get",
                                "{\"name\":\"test_prompt_with_embedded_resource\",\"arguments\":"
                                        + "{\"resourceUri\":\"test://x\"}}"))
                .body("result.messages[0].content.resource.uri", equalTo("test://x"));
        post(session, rpc(4, "prompts/get", "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"a\"}}"))
                .body("error.code", equalTo(-32602))
                .body(
                        "error.message",
                        equalTo("Invalid arguments for prompt 'test_prompt_with_arguments': 'arg2' must not be null"));
        post(session, rpc(5, "prompts/get", "{\"name\":\"test_simple_prompt\",\"arguments\":{\"x\":\"1\"}}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("Unknown argument 'x' for prompt 'test_simple_prompt'"));
        post(session, rpc(6, "prompts/get", "{\"name\":\"nope\"}"))
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("Unknown prompt: 'nope'"));
    }

    @Test
    void completesPromptArgumentsAndTemplateVariables() {
        String session = initialize();
        post(
                        session,
                        rpc(
                                1,
                                "completion/complete",
                                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":"
                                        + "\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"testi\"}}"))
                .body("result.completion.values", contains("testing"))
                .body("result.completion.total", equalTo(1))
                .body("result.completion.hasMore", equalTo(false));
        post(
                        session,
                        rpc(
                                2,
                                "completion/complete",
                                "{\"ref\":{\"type\":\"ref/resource\",\"uri\":"
                                        + "\"test://template/{id}/data\"},\"argument\":{\"name\":\"id\",\"value\":\"4\"}}"))
                .body("result.completion.values", contains("456"));
        post(
                        session,
                        rpc(
                                3,
                                "completion/complete",
                                "{\"ref\":{\"type\":\"ref/tool\",\"name\":\"x\"},"
                                        + "\"argument\":{\"name\":\"a\",\"value\":\"\"}}"))
                .body("error.code", equalTo(-32602));
    }

    @Test
    void initializeAnnouncesEveryCapability() {
        dev.switchboard.testing.Mcp.request()
                .body(dev.switchboard.testing.Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .body("result.capabilities.resources.subscribe", equalTo(true))
                .body("result.capabilities.prompts.listChanged", equalTo(false))
                .body("result.capabilities.logging", equalTo(Map.of()))
                .body("result.capabilities.completions", equalTo(Map.of()));
    }
}
