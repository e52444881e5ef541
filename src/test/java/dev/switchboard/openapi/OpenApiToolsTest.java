package dev.switchboard.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.OpenApiServices;
import dev.switchboard.testing.Stateless;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real OpenAPI documents as tools: the Swagger Petstore, ReadMe's security example and GitHub's REST API, their
 * services played by WireMock. Checks the tools, the exact requests sent, the answers, and that no secret shows.
 */
@QuarkusTest
@WithTestResource(value = OpenApiServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiToolsTest {

    private static final List<String> SECRETS = List.of(
            OpenApiServices.PET_KEY,
            OpenApiServices.BEARER,
            OpenApiServices.PASSWORD,
            OpenApiServices.HEADER_KEY,
            OpenApiServices.QUERY_KEY,
            OpenApiServices.COOKIE_KEY,
            OpenApiServices.NOTES_TOKEN);

    WireMockServer service;

    @jakarta.inject.Inject
    dev.switchboard.registry.ToolRegistry registry;

    @jakarta.inject.Inject
    dev.switchboard.security.ScopeCatalog scopes;

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(
                        String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noSecretWasLogged() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
        synchronized (logged) {
            for (String line : logged) {
                SECRETS.forEach(secret -> assertFalse(line.contains(secret), "a secret was logged: " + line));
            }
        }
    }

    private static Map<String, Object> tool(List<Map<String, Object>> tools, String name) {
        return tools.stream()
                .filter(tool -> name.equals(tool.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsAToolWithItsSchemaAndAnnotations() {
        List<Map<String, Object>> tools = Mcp.tools(Mcp.initialize());
        Map<String, Object> getPet = tool(tools, "petstore.getPetById");
        assertEquals("Find pet by ID", getPet.get("title"));
        Map<String, Object> input = (Map<String, Object>) getPet.get("inputSchema");
        assertEquals(List.of("petId"), input.get("required"));
        Map<String, Object> petId = (Map<String, Object>) ((Map<String, Object>) input.get("properties")).get("petId");
        assertEquals("integer", petId.get("type"));
        assertEquals("int64", petId.get("format"));
        assertEquals(
                Map.of(
                        "title",
                        "Find pet by ID",
                        "readOnlyHint",
                        true,
                        "destructiveHint",
                        false,
                        "idempotentHint",
                        true,
                        "openWorldHint",
                        true),
                getPet.get("annotations"));
        assertEquals(
                true,
                ((Map<String, Object>) tool(tools, "petstore.deletePet").get("annotations")).get("destructiveHint"));
        Map<String, Object> addPet =
                (Map<String, Object>) tool(tools, "petstore.addPet").get("inputSchema");
        assertEquals(List.of("body"), addPet.get("required"));
        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) addPet.get("properties")).get("body");
        assertEquals(List.of("name", "photoUrls"), body.get("required"), "the $ref'd Pet schema, resolved");
        Map<String, Object> findByStatus = tool(tools, "petstore.findPetsByStatus");
        Map<String, Object> output = (Map<String, Object>) findByStatus.get("outputSchema");
        assertEquals(
                "array",
                ((Map<String, Object>) ((Map<String, Object>) output.get("properties")).get("result")).get("type"),
                "an array answer wrapped as {result}");
        List<Object> names = tools.stream().map(tool -> tool.get("name")).toList();
        assertFalse(names.contains("petstore.uploadFile"), "a body that is not JSON: left out");
        assertTrue(names.contains("secure.post_anything_bearer"), "no operationId: method and path");
        long github = names.stream()
                .filter(name -> ((String) name).startsWith("github."))
                .count();
        assertTrue(github > 1_000, "GitHub's operations, listed in pages: " + github);
        assertTrue(names.contains("github.repos_get"), "operationId repos/get made valid");
        // A service's tools need its scopes (authorization is off here), which the protected-resource metadata lists.
        assertEquals(
                java.util.Set.of(OpenApiServices.PET_SCOPE),
                registry.find("petstore.getPetById").orElseThrow().scopes());
        assertTrue(
                scopes.scopes().contains(OpenApiServices.PET_SCOPE),
                scopes.scopes().toString());
        String listed = tools.toString();
        SECRETS.forEach(secret -> assertFalse(listed.contains(secret), "a secret in tools/list"));
    }

    @Test
    void aCallSendsTheRequestTheDocumentDescribesWithTheCredentialItAsks() {
        service.stubFor(get(urlEqualTo("/v2/pet/7"))
                .willReturn(okJson("{\"id\":7,\"name\":\"Rex\",\"photoUrls\":[],\"status\":\"available\"}")));
        JsonPath rex = call("petstore.getPetById", "{\"petId\":7}");
        assertEquals(false, rex.getBoolean("result.isError"), rex.prettify());
        assertEquals("Rex", rex.getString("result.structuredContent.name"));
        service.verify(
                getRequestedFor(urlEqualTo("/v2/pet/7")).withHeader("api_key", equalTo(OpenApiServices.PET_KEY)));

        service.stubFor(get(urlPathEqualTo("/v2/pet/findByStatus"))
                .willReturn(okJson("[{\"id\":1,\"name\":\"A\",\"photoUrls\":[]}]")));
        JsonPath found = call("petstore.findPetsByStatus", "{\"status\":[\"available\",\"pending\"]}");
        assertEquals("A", found.getString("result.structuredContent.result[0].name"), found.prettify());
        service.verify(getRequestedFor(urlEqualTo("/v2/pet/findByStatus?status=available&status=pending"))
                .withHeader("api_key", absent()) // its security asks for OAuth 2, which has no secret here
                .withHeader("Authorization", absent()));

        service.stubFor(post(urlEqualTo("/v2/pet")).willReturn(okJson("{\"id\":8,\"name\":\"Tom\",\"photoUrls\":[]}")));
        call("petstore.addPet", "{\"body\":{\"name\":\"Tom\",\"photoUrls\":[\"http://x/1.png\"]}}");
        service.verify(postRequestedFor(urlEqualTo("/v2/pet"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"name\":\"Tom\",\"photoUrls\":[\"http://x/1.png\"]}")));

        service.stubFor(
                get(urlPathEqualTo("/repos/octo/hello")).willReturn(okJson("{\"id\":1,\"full_name\":\"octo/hello\"}")));
        assertEquals(
                "octo/hello",
                call("github.repos_get", "{\"owner\":\"octo\",\"repo\":\"hello\"}")
                        .getString("result.structuredContent.full_name"));
        service.stubFor(post(urlEqualTo("/repos/octo/hello/issues"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"number\":42}")));
        assertEquals(
                42,
                call("github.issues_create", "{\"owner\":\"octo\",\"repo\":\"hello\",\"body\":{\"title\":\"Bug\"}}")
                        .getInt("result.structuredContent.number"));
        service.verify(postRequestedFor(urlEqualTo("/repos/octo/hello/issues"))
                .withRequestBody(equalToJson("{\"title\":\"Bug\"}")));
    }

    @Test
    void eachSchemeGetsItsSecretOnlyWhereAsked() {
        service.stubFor(post(urlPathEqualTo("/anything/bearer")).willReturn(okJson("{}")));
        service.stubFor(post(urlPathEqualTo("/anything/basic")).willReturn(okJson("{}")));
        service.stubFor(get(urlPathEqualTo("/anything/apiKey")).willReturn(okJson("{}")));
        service.stubFor(put(urlPathEqualTo("/anything/apiKey")).willReturn(okJson("{}")));
        service.stubFor(post(urlPathEqualTo("/anything/apiKey")).willReturn(okJson("{}")));
        service.stubFor(post(urlPathEqualTo("/anything/no-auth")).willReturn(okJson("{}")));
        call("secure.post_anything_bearer", "{}");
        call("secure.post_anything_basic", "{}");
        call("secure.get_anything_apiKey", "{}");
        call("secure.put_anything_apiKey", "{}");
        call("secure.post_anything_apiKey", "{}");
        call("secure.post_anything_no-auth", "{}");
        service.verify(postRequestedFor(urlEqualTo("/anything/bearer"))
                .withHeader("Authorization", equalTo("Bearer " + OpenApiServices.BEARER)));
        service.verify(postRequestedFor(urlEqualTo("/anything/basic"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + java.util.Base64.getEncoder().encodeToString(OpenApiServices.PASSWORD.getBytes()))));
        service.verify(getRequestedFor(urlEqualTo("/anything/apiKey?apiKey=" + OpenApiServices.QUERY_KEY))
                .withHeader("X-API-KEY", absent()));
        service.verify(putRequestedFor(urlEqualTo("/anything/apiKey"))
                .withHeader("X-API-KEY", equalTo(OpenApiServices.HEADER_KEY)));
        service.verify(postRequestedFor(urlEqualTo("/anything/apiKey"))
                .withHeader("Cookie", equalTo("api_key=" + OpenApiServices.COOKIE_KEY))
                .withHeader("X-API-KEY", absent()));
        service.verify(postRequestedFor(urlEqualTo("/anything/no-auth"))
                .withHeader("Authorization", absent())
                .withHeader("X-API-KEY", absent()));
    }

    @Test
    void errorsAndTimeoutsAreToolErrorsThatNameTheOperation() {
        service.stubFor(get(urlEqualTo("/v2/pet/404"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Pet not found\"}")));
        JsonPath missing = call("petstore.getPetById", "{\"petId\":404}");
        assertTrue(missing.getBoolean("result.isError"));
        assertEquals(
                "petstore answered GET /pet/{petId} with HTTP 404: {\"message\":\"Pet not found\"}",
                missing.getString("result.content[0].text"));

        service.stubFor(
                get(urlEqualTo("/v2/store/order/5")).willReturn(okJson("{}").withFixedDelay(4_000)));
        long started = System.nanoTime();
        JsonPath slow = call("petstore.getOrderById", "{\"orderId\":5}");
        assertTrue(slow.getBoolean("result.isError"));
        assertEquals(
                "petstore did not answer GET /store/order/{orderId} within 2000 ms",
                slow.getString("result.content[0].text"));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3_500, "the timeout holds");

        // Arguments are checked against the schema before anything is sent.
        assertEquals(
                "Invalid arguments: 'petId' is required",
                call("petstore.getPetById", "{}").getString("result.content[0].text"));
        assertEquals(
                "Invalid arguments: 'petId' must be of type integer; 'pet' is not an argument of this tool",
                call("petstore.getPetById", "{\"petId\":\"seven\",\"pet\":1}").getString("result.content[0].text"));
    }

    /** A document in src/main/resources/openapi/ (here the test classes') is turned into tools by the build. */
    @Test
    void aDocumentShippedWithTheApplicationIsReadAtBuildTime() {
        assertTrue(
                getClass().getClassLoader().getResource("META-INF/switchboard/openapi/notes.yaml.json") != null,
                "the build wrote the catalog of openapi/notes.yaml");
        service.stubFor(get(urlPathEqualTo("/api/notes")).willReturn(okJson("[{\"text\":\"milk\"}]")));
        JsonPath notes = call("notes.listNotes", "{\"tag\":\"shopping\"}");
        assertEquals("milk", notes.getString("result.structuredContent.result[0].text"), notes.prettify());
        service.verify(getRequestedFor(urlEqualTo("/api/notes?tag=shopping"))
                .withHeader("Authorization", equalTo("Bearer " + OpenApiServices.NOTES_TOKEN)));
    }

    @Test
    void theStatelessEraCallsThemToo() {
        service.stubFor(
                get(urlEqualTo("/v2/pet/9")).willReturn(okJson("{\"id\":9,\"name\":\"Ada\",\"photoUrls\":[]}")));
        Stateless.call("petstore.getPetById")
                .body(Stateless.callBody(1, "petstore.getPetById", "{\"petId\":9}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.structuredContent.name", org.hamcrest.Matchers.equalTo("Ada"));
    }

    private static JsonPath call(String tool, String arguments) {
        JsonPath answer = Mcp.post(Mcp.initialize(), Mcp.call(1, tool, arguments))
                .statusCode(200)
                .extract()
                .jsonPath();
        String text = answer.prettify();
        SECRETS.forEach(secret -> assertFalse(text.contains(secret), "a secret in an answer: " + text));
        return answer;
    }
}
