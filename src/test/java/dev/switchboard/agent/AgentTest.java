package dev.switchboard.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent loop against a scripted OpenAI-compatible server and this service's own MCP endpoint. */
@QuarkusTest
@SharedApp
class AgentTest {

    private static final String COMPLETIONS = "/v1/chat/completions";

    WireMockServer model;

    @BeforeEach
    void reset() {
        model.resetAll();
    }

    static String toolCall(String id, String function, String arguments) {
        return """
                {"id":"c","object":"chat.completion","choices":[{"index":0,"finish_reason":"tool_calls","message":\
                {"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function","function":\
                {"name":"%s","arguments":%s}}]}}]}""".formatted(id, function, quoted(arguments));
    }

    static String answer(String text) {
        return """
                {"id":"c","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":\
                {"role":"assistant","content":%s}}]}""".formatted(quoted(text));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ValidatableResponse ask(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/agent").then();
    }

    @Test
    void theModelCallsAToolThroughMcpAndAnswers() {
        model.stubFor(post(COMPLETIONS)
                .atPriority(5)
                .willReturn(okJson(toolCall("call_1", "weather_get", "{\"city\":\"Paris\"}"))));
        model.stubFor(post(COMPLETIONS)
                .atPriority(1)
                .withRequestBody(containing("\"tool_call_id\":\"call_1\""))
                .willReturn(okJson(answer("Paris: light rain, 28°C."))));

        String session = ask("{\"prompt\":\"What's the weather in Paris?\"}")
                .statusCode(200)
                .body("answer", org.hamcrest.Matchers.equalTo("Paris: light rain, 28°C."))
                .body("stopReason", org.hamcrest.Matchers.equalTo("answer"))
                .body("modelTurns", org.hamcrest.Matchers.equalTo(2))
                .body("steps", hasSize(1))
                .body("steps[0].tool", org.hamcrest.Matchers.equalTo("weather.get"))
                .body("steps[0].arguments.city", org.hamcrest.Matchers.equalTo("Paris"))
                .body("steps[0].result", containsString("\"forecast\""))
                .body("steps[0].isError", org.hamcrest.Matchers.equalTo(false))
                .body("sessionId", notNullValue())
                .extract()
                .path("sessionId");

        // What the model was sent: the key, the model, the MCP tools as functions, then the tool's result.
        model.verify(
                2, postRequestedFor(urlEqualTo(COMPLETIONS)).withHeader("Authorization", equalTo("Bearer test-key")));
        model.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("What's the weather in Paris?")))
                .withRequestBody(matchingJsonPath("$.tools[?(@.function.name == 'weather_get')]"))
                .withRequestBody(matchingJsonPath(
                        "$.tools[?(@.function.name == 'calendar_add')].function.parameters.properties.title")));
        model.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withRequestBody(matchingJsonPath("$.messages[3].role", equalTo("tool")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("Paris"))));

        // The call happened in a real MCP session: its history has it.
        Mcp.post(session, Mcp.call(9, "history.tools_used", "{}"))
                .body("result.structuredContent.toolsUsed.tool", hasItem("weather.get"));
    }

    @Test
    void aFollowUpContinuesTheSessionAndTheStepLimitHolds() {
        model.stubFor(post(COMPLETIONS).willReturn(okJson(toolCall("call_x", "calendar_list", "{}"))));
        String session = Mcp.initialize();
        ask("{\"prompt\":\"List my calendar forever\",\"sessionId\":\"" + session + "\"}")
                .statusCode(200)
                .body("stopReason", org.hamcrest.Matchers.equalTo("max_steps"))
                .body("answer", org.hamcrest.Matchers.nullValue())
                .body("sessionId", org.hamcrest.Matchers.equalTo(session))
                .body("steps", hasSize(3));
        ask("{\"prompt\":\"Hi\",\"sessionId\":\"no-such-session\"}")
                .statusCode(404)
                .body("error", containsString("unknown or expired"));
    }

    @Test
    void modelFailuresAreGatewayErrorsThatSayWhatToFix() {
        model.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(401)));
        ask("{\"prompt\":\"Hi\"}").statusCode(502).body("error", containsString("check the API key"));
        model.resetAll();
        model.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(500)));
        ask("{\"prompt\":\"Hi\"}").statusCode(502).body("error", containsString("HTTP 500"));
        model.resetAll();
        model.stubFor(post(COMPLETIONS).willReturn(okJson(answer("late")).withFixedDelay(3000)));
        ask("{\"prompt\":\"Hi\"}").statusCode(504).body("error", containsString("did not answer"));
        ask("{\"prompt\":\" \"}").statusCode(400);
    }

    @Test
    void unknownFunctionsAndBadArgumentsGoBackToTheModel() {
        model.stubFor(post(COMPLETIONS).atPriority(5).willReturn(okJson(toolCall("call_1", "teleport", "{}"))));
        model.stubFor(post(COMPLETIONS)
                .atPriority(1)
                .withRequestBody(containing("\"tool_call_id\":\"call_1\""))
                .willReturn(okJson(answer("I cannot teleport."))));
        ask("{\"prompt\":\"Teleport me\"}")
                .statusCode(200)
                .body("answer", org.hamcrest.Matchers.equalTo("I cannot teleport."))
                .body("steps[0].isError", org.hamcrest.Matchers.equalTo(true))
                .body("steps[0].result", containsString("No tool 'teleport'"));
        assertEquals(2, model.getAllServeEvents().size());
    }
}
