package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.MemoryStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * API keys reach only the API they are for: not the OpenAPI document, metrics, health data, or the errors a client
 * sees when the API fails.
 */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class SecretsStayHiddenTest {

    private static final String BRAVE_KEY = MemoryStoreProfile.BRAVE_KEY;
    private static final String OPENAI_KEY = MemoryStoreProfile.OPENAI_KEY;

    WireMockServer apis;

    @Test
    void keysAppearNowhereAClientOrOperatorReads() {
        apis.resetAll(); // nothing stubbed: Brave's API refuses every search
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
            assertThat(page, not(containsString(BRAVE_KEY)));
            assertThat(page, not(containsString(OPENAI_KEY)));
        }
        assertThat(search, containsString("\"isError\":true"));
        assertThat(agent, containsString("The model endpoint http://127.0.0.1:1/v1 did not answer"));
    }
}
