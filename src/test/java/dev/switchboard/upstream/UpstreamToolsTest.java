package dev.switchboard.upstream;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static dev.switchboard.testing.Mcp.tools;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.api.ToolResult;
import dev.switchboard.registry.MountedTool;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.security.ScopeCatalog;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.EverythingServer;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SseTestClient;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.UpstreamProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP reference server "everything" (a Node process) mounted as the upstream {@code everything}: its tools listed
 * as ours with their prefix, called through us in both eras, its session renewed when it forgets it.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ToolRegistry registry;

    @Inject
    ScopeCatalog scopes;

    @BeforeEach
    void upstreamToolsAreMounted() {
        String session = initialize();
        Await.until(
                Duration.ofSeconds(30),
                () -> "everything.echo was never listed",
                () -> names(session).contains("everything.echo"));
    }

    private static List<Object> names(String session) {
        return tools(session).stream().map(tool -> tool.get("name")).toList();
    }

    @Test
    void theUpstreamsToolsAreListedWithItsPrefixAndTheirOwnSchemas() {
        // With an upstream configured the tool list may change, and clients are told so.
        Mcp.request()
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .body("result.capabilities.tools.listChanged", equalTo(true));
        String session = initialize();
        List<Map<String, Object>> tools = tools(session);
        Map<String, Object> echo = tools.stream()
                .filter(tool -> "everything.echo".equals(tool.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "string",
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) echo.get("inputSchema")).get("properties")).get("message"))
                        .get("type"));
        assertEquals(true, ((Map<?, ?>) echo.get("annotations")).get("readOnlyHint"));
        List<Object> names = names(session);
        assertTrue(names.contains("everything.get-sum"), names.toString());
        assertTrue(names.contains("weather.get"), "our own tools stay: " + names);
        assertFalse(names.contains("everything.get-env"), "excluded: " + names);
        assertFalse(names.contains("everything.toggle-simulated-logging"), "excluded by a glob: " + names);
        // Its tools need the configured scope (authorization is off here, so everyone holds it), which the
        // protected-resource metadata lists with the others.
        assertEquals(
                Set.of(EverythingServer.SCOPE),
                registry.find("everything.echo").orElseThrow().scopes());
        assertTrue(
                scopes.scopes().contains(EverythingServer.SCOPE),
                scopes.scopes().toString());
    }

    @Test
    void callsReachTheUpstreamAndItsResultsComeBackAsTheyAre() {
        String session = initialize();
        post(session, call(1, "everything.echo", "{\"message\":\"hello upstream\"}"))
                .body("result.isError", equalTo(false))
                .body("result.content[0].type", equalTo("text"))
                .body("result.content[0].text", equalTo("Echo: hello upstream"));
        post(session, call(2, "everything.get-tiny-image", "{}"))
                .body("result.content.find { it.type == 'image' }.mimeType", equalTo("image/png"));
        post(session, call(3, "everything.get-structured-content", "{\"location\":\"New York\"}"))
                .body("result.structuredContent", notNullValue());
        // The upstream checks its own arguments; its refusal is a result the model reads.
        post(session, call(4, "everything.get-sum", "{\"a\":\"one\"}")).body("result.isError", equalTo(true));
    }

    @Test
    void theUpstreamsResourcesAndTemplatesAreListedAndReadThroughUs() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}")
                .body(
                        "result.resources.find { it.uri == 'demo://resource/static/document/architecture.md' }.mimeType",
                        equalTo("text/markdown"));
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/templates/list\"}")
                .body(
                        "result.resourceTemplates.uriTemplate",
                        org.hamcrest.Matchers.hasItem("demo://resource/dynamic/text/{resourceId}"));
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":"
                                + "{\"uri\":\"demo://resource/dynamic/text/7\"}}")
                .body("result.contents[0].uri", equalTo("demo://resource/dynamic/text/7"))
                .body("result.contents[0].text", startsWith("Resource 7: "));
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":"
                                + "{\"uri\":\"demo://resource/static/document/architecture.md\"}}")
                .body("result.contents[0].mimeType", equalTo("text/markdown"))
                .body("result.contents[0].text", notNullValue());
        String uri = "demo://resource/dynamic/text/8";
        Stateless.request("resources/read")
                .header("Mcp-Name", uri)
                .body(Stateless.body(5, "resources/read", "\"uri\":\"" + uri + "\""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.contents[0].text", startsWith("Resource 8: "));
    }

    @Test
    void theUpstreamsPromptsAreListedWithItsPrefixAndFilledInThroughUs() {
        String session = initialize();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}")
                .body(
                        "result.prompts.find { it.name == 'everything.args-prompt' }.arguments.name",
                        org.hamcrest.Matchers.contains("city", "state"))
                .body(
                        "result.prompts.find { it.name == 'everything.args-prompt' }.arguments.required",
                        org.hamcrest.Matchers.contains(true, false));
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/get\",\"params\":{\"name\":"
                                + "\"everything.args-prompt\",\"arguments\":{\"city\":\"Lisbon\"}}}")
                .body("result.messages[0].role", equalTo("user"))
                .body("result.messages[0].content.text", equalTo("What's weather in Lisbon?"));
        // The upstream checks the arguments; its refusal is ours.
        post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/get\",\"params\":{\"name\":"
                                + "\"everything.args-prompt\",\"arguments\":{}}}")
                .body("error.code", equalTo(-32602))
                .body("error.message", startsWith("Upstream 'everything' refused prompts/get args-prompt"));
    }

    @Test
    void aStatelessCallerGetsAnUpstreamSessionForItsCall() {
        Stateless.call("everything.echo")
                .body(Stateless.callBody(1, "everything.echo", "{\"message\":\"no session\"}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.content[0].text", equalTo("Echo: no session"));
    }

    @Test
    void aChangedToolListIsToldOnSessionStreamsAndToListeners() throws Exception {
        String session = initialize();
        String listen = Stateless.body(
                "\"l-1\"", "subscriptions/listen", "\"notifications\":{\"toolsListChanged\":true}", Stateless.meta());
        try (SseTestClient stream = SseTestClient.get(
                        RestAssured.port, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
                SseTestClient listener = SseTestClient.post(
                        RestAssured.port,
                        listen,
                        Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen"))) {
            stream.next(); // priming
            assertTrue(JsonPath.from(listener.next().data()).getBoolean("params.notifications.toolsListChanged"));
            List<MountedTool> mounted = List.of(new MountedTool(
                    new ToolDescriptor(
                            "test.mounted",
                            null,
                            "A tool of another source",
                            JsonNodeFactory.instance.objectNode().put("type", "object"),
                            null,
                            null,
                            null,
                            null),
                    Set.of(),
                    Duration.ofSeconds(5),
                    (arguments, context) -> ToolResult.text("from the mount")));
            registry.mount("test source", mounted);
            assertEquals(
                    "notifications/tools/list_changed",
                    JsonPath.from(stream.next().data()).getString("method"));
            assertEquals(
                    "notifications/tools/list_changed",
                    JsonPath.from(listener.next().data()).getString("method"));
            post(session, call(1, "test.mounted", "{}")).body("result.content[0].text", equalTo("from the mount"));
            registry.mount("test source", mounted);
            assertEquals(Optional.empty(), stream.poll(Duration.ofMillis(300)), "the same tools again: no change");
            registry.mount("test source", List.of());
            assertEquals(
                    "notifications/tools/list_changed",
                    JsonPath.from(stream.next().data()).getString("method"));
            assertFalse(names(session).contains("test.mounted"));
        }
    }

    @Test
    void theUpstreamsSamplingRequestIsAskedOfOurClientAndItsAnswerGoesBack() throws Exception {
        String session = initialize("2025-11-25", "{\"sampling\":{}}");
        String body = call(1, "everything.trigger-sampling-request", "{\"prompt\":\"Name a colour\",\"maxTokens\":20}");
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.post(RestAssured.port, body, headers)) {
            stream.next(); // priming
            String samplingEvent = stream.next().data();
            JsonPath sampling = JsonPath.from(samplingEvent);
            assertEquals("sampling/createMessage", sampling.getString("method"));
            assertTrue(sampling.getString("params.messages[0].content.text").contains("Name a colour"));
            post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":"
                                    + JSON.readTree(samplingEvent).get("id")
                                    + ",\"result\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\","
                                    + "\"text\":\"Vermilion\"},\"model\":\"test-model\"}}")
                    .statusCode(202);
            JsonPath result = JsonPath.from(stream.next().data());
            assertEquals(1, result.getInt("id"));
            assertFalse(result.getBoolean("result.isError"), result.prettify());
            assertTrue(result.getString("result.content[0].text").contains("Vermilion"), result.prettify());
        }
        // A client that cannot sample: the upstream hears why and answers with its own error.
        post(initialize(), call(2, "everything.trigger-sampling-request", "{\"prompt\":\"x\"}"))
                .body("result.isError", equalTo(true));
    }

    @Test
    void theUpstreamsProgressReachesOurCaller() throws Exception {
        String session = initialize();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"everything.trigger-long-running-operation\",\"arguments\":{\"duration\":1,\"steps\":2},"
                + "\"_meta\":{\"progressToken\":\"p-1\"}}}";
        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        try (SseTestClient stream = SseTestClient.post(RestAssured.port, body, headers)) {
            stream.next(); // priming
            List<JsonPath> progress = new java.util.ArrayList<>();
            JsonPath event = JsonPath.from(stream.next().data());
            while ("notifications/progress".equals(event.getString("method"))) {
                progress.add(event);
                event = JsonPath.from(stream.next().data());
            }
            assertEquals(2, progress.size(), "one notification per step");
            assertEquals("p-1", progress.get(0).getString("params.progressToken"), "our caller's token, not ours");
            assertEquals(2.0, progress.get(1).getDouble("params.progress"));
            assertEquals(2.0, progress.get(1).getDouble("params.total"));
            assertEquals(1, event.getInt("id"));
            assertFalse(event.getBoolean("result.isError"), event.prettify());
        }
    }

    @Test
    void anUpstreamThatForgotTheSessionGetsANewOneAndOneThatIsDownIsAToolError() {
        String session = initialize();
        post(session, call(1, "everything.echo", "{\"message\":\"one\"}"))
                .body("result.content[0].text", equalTo("Echo: one"));
        EverythingServer upstream = EverythingServer.current();
        upstream.end();
        post(session, call(2, "everything.echo", "{\"message\":\"two\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", startsWith("Upstream 'everything' cannot be reached at "));
        upstream.begin(); // a new process: the session of this caller is unknown there (404), so a new one is opened
        post(session, call(3, "everything.echo", "{\"message\":\"three\"}"))
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", equalTo("Echo: three"));
    }
}
