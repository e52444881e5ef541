package dev.switchboard.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.testing.UnreachableRedisProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Redis gone (the application of UnreachableRedisTest): what the console reads from the store answers 503. */
@QuarkusTest
@TestProfile(UnreachableRedisProfile.class)
class ConsoleStoreUnavailableTest {

    @Test
    void storeReadsAnswerServiceUnavailableWithRetryAfter() {
        for (String path : new String[] {"overview", "sessions", "tasks"}) {
            given().get("/console/api/" + path)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .body("error.message", startsWith("Service Unavailable"));
        }
        given().delete("/console/api/sessions/some-session").then().statusCode(503);
        // This replica's own metrics need no store.
        given().get("/console/api/metrics").then().statusCode(200).body("intervalSeconds", equalTo(10));
    }
}
