package dev.switchboard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The console switched off (as in production by default), in the small-limits application: nothing under /console, not
 * even a static file that is there ({@code gate-probe.txt}, served when the console is on).
 */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsoleDisabledTest {

    @Test
    void everythingUnderConsoleIsNotFound() {
        for (String path : new String[] {
            "/console",
            "/console/",
            "/console/index.html",
            "/console/js/app.js",
            "/console/console.css",
            "/console/gate-probe.txt",
            "/console/api/overview",
            "/console/api/sessions"
        }) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .body("error.message", containsString("switchboard.console.enabled"));
        }
        given().delete("/console/api/sessions/any").then().statusCode(404);
        // /mcp is not the console's.
        given().get("/q/health/live").then().statusCode(200);
    }
}
