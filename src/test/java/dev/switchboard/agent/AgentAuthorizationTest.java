package dev.switchboard.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * With authorization on, the agent acts as its caller on this server's own {@code /mcp}: it forwards the caller's
 * token there (the resource it was issued for) and to nobody else.
 */
@QuarkusTest
@SharedApp
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AgentAuthorizationTest {

    private static final String COMPLETIONS = "/v1/chat/completions";

    WireMockServer model;

    Tokens tokens;

    @Test
    void theAgentUsesTheCallersTokenOnItsOwnMcpEndpointOnly() {
        model.resetAll();
        model.stubFor(post(COMPLETIONS)
                .atPriority(5)
                .willReturn(okJson(AgentTest.toolCall("call_1", "weather_get", "{\"city\":\"Paris\"}"))));
        model.stubFor(post(COMPLETIONS)
                .atPriority(1)
                .withRequestBody(containing("\"tool_call_id\":\"call_1\""))
                .willReturn(okJson(AgentTest.answer("Sunny in Paris."))));
        String token = tokens.valid("alice", "mcp");

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body("{\"prompt\":\"What's the weather in Paris?\"}")
                .post("/agent")
                .then()
                .statusCode(200)
                .body("answer", equalTo("Sunny in Paris."))
                .body("steps[0].tool", equalTo("weather.get"))
                .body("steps[0].isError", equalTo(false))
                .body("steps[0].result", containsString("\"forecast\""));

        // The model API got its own key, never the caller's token.
        model.verify(
                2,
                postRequestedFor(urlEqualTo(COMPLETIONS))
                        .withHeader("Authorization", WireMock.equalTo("Bearer test-key")));
        model.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(containing(token)));
    }
}
