package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.switchboard.testing.Mcp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API keys reach only the API they are for: not the OpenAPI document, metrics, health data, or the errors a client
 * sees when the API fails.
 */
@QuarkusTest
@TestProfile(SecretsStayHiddenTest.WithKeys.class)
class SecretsStayHiddenTest {

    private static final String BRAVE_KEY = "brave-secret-4f1c2d";
    private static final String OPENAI_KEY = "sk-openai-secret-9a8b7c";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.sessions.store", "memory",
                    "switchboard.search.provider", "brave",
                    // Nothing listens there: every search fails, and its error must not carry the key.
                    "switchboard.search.brave.url", "http://127.0.0.1:1",
                    "switchboard.search.brave.api-key", BRAVE_KEY,
                    "switchboard.agent.base-url", "http://127.0.0.1:1/v1",
                    "switchboard.agent.api-key", OPENAI_KEY);
        }
    }

    @Test
    void keysAppearNowhereAClientOrOperatorReads() {
        String session = Mcp.initialize();
        String search = Mcp.post(session, Mcp.call(2, "search", "{\"query\":\"quarkus\"}"))
                .statusCode(200)
                .extract()
                .asString();
        String agent = given().contentType("application/json")
                .body("{\"prompt\":\"hi\"}")
                .post("/agent")
                .then()
                .extract()
                .asString();
        List<String> pages = List.of(
                search,
                agent,
                given().get("/q/openapi").asString(),
                given().get("/q/metrics").asString(),
                given().get("/q/health").asString());
        for (String page : pages) {
            org.hamcrest.MatcherAssert.assertThat(page, not(containsString(BRAVE_KEY)));
            org.hamcrest.MatcherAssert.assertThat(page, not(containsString(OPENAI_KEY)));
        }
        org.hamcrest.MatcherAssert.assertThat(search, containsString("isError"));
    }
}
