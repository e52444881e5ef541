package dev.switchboard.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SharedApp
class HealthAndOpenApiTest {

    @Inject
    ToolRegistry registry;

    @Test
    void readyWithRedisAndTools() {
        dev.switchboard.testing.Await.until(
                () -> given().get("/q/health/ready").statusCode() == 200); // channels listen a moment after start
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'replica-channels' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'session-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'session-store' }.data.store", equalTo("redis"))
                .body(
                        "checks.find { it.name == 'tool-registry' }.data.tools",
                        equalTo(registry.descriptors().size()));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheMcpEndpoint() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/mcp'.post.summary", equalTo("Send one JSON-RPC message to the MCP server"))
                .body("paths.'/mcp'.post.responses.'202'.description", containsString("no body"))
                .body(
                        "paths.'/mcp'.post.responses.'404'.content.'application/json'.examples.'session not found'",
                        notNullValue())
                .body(
                        "paths.'/mcp'.post.responses.'400'.content.'application/json'.examples.'unsupported version'",
                        notNullValue())
                .body("paths.'/mcp'.post.responses.'406'", notNullValue())
                .body("paths.'/mcp'.post.responses.'415'", notNullValue())
                .body("paths.'/mcp'.post.requestBody.content.'application/json'.examples.initialize", notNullValue())
                .body("paths.'/mcp'.delete.responses.'204'", notNullValue())
                .body("paths.'/mcp'.get.responses.'200'.content", notNullValue())
                .body("paths.'/mcp'.post.parameters.name", hasItems("Mcp-Method", "Mcp-Name", "MCP-Protocol-Version"))
                .body(
                        "paths.'/mcp'.post.requestBody.content.'application/json'.examples.'server/discover (2026-07-28)'",
                        notNullValue())
                // JSON-RPC messages as they are on the wire (META-INF/openapi.yaml), not as Java classes
                .body("components.schemas.JsonRpcRequest.required", hasItems("jsonrpc", "method"))
                .body("components.schemas.JsonRpcId.type", hasItems("string", "integer"))
                .body("paths.'/agent'.post.summary", equalTo("Ask the agent"))
                // health answers on the management port in production, so the public API document leaves it out
                .body("paths.'/q/health/ready'", nullValue())
                .body("paths.'/agent'.post.responses.'502'", notNullValue())
                .body("components.schemas.AgentRequest.required", hasItems("prompt"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
