package dev.switchboard.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.DeadUpstream;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An upstream that is down costs only its own tools: the replica stays ready, the upstream's last known list (kept in
 * Redis by whichever replica read it last) is listed, its calls answer a tool error naming it, and after enough
 * failures the circuit breaker answers at once. The console shows all of it.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = DeadUpstream.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamFailureTest {

    @Inject
    RedisDataSource redis;

    @Inject
    SwitchboardConfig config;

    @Test
    @Order(1)
    void aDeadUpstreamLeavesTheReplicaReadyAndIsShownUnavailable() {
        Await.until(() -> given().get("/q/health/ready").statusCode() == 200);
        Await.until(() -> given().get("/console/api/upstreams").jsonPath().getString("upstreams[0].problem") != null);
        given().get("/console/api/upstreams")
                .then()
                .statusCode(200)
                .body("upstreams[0].name", equalTo("dead"))
                .body("upstreams[0].state", equalTo("unavailable"))
                .body("upstreams[0].circuit", equalTo("closed"))
                .body("upstreams[0].tools", equalTo(0))
                .body("upstreams[0].listedAt", nullValue())
                .body("upstreams[0].meanLatencyMs", nullValue());
        String session = Mcp.initialize();
        assertTrue(
                Mcp.tools(session).stream()
                        .noneMatch(tool -> tool.get("name").toString().startsWith("dead.")),
                "nothing of it is listed before any replica has read it");
    }

    @Test
    @Order(2)
    void itsLastKnownListIsListedAndItsCallsFailFastOnceTheBreakerOpens() {
        String readAt = "2026-12-01T10:00:00Z";
        redis.value(String.class)
                .psetex(
                        config.sessions().redisKeyPrefix() + ":upstream:dead:listing",
                        60_000,
                        "{\"readAt\":\"" + readAt + "\",\"listing\":{\"tools\":[{\"name\":\"echo\",\"description\":"
                                + "\"Echoes\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"message\":"
                                + "{\"type\":\"string\"}}}}],\"resources\":[],\"resourceTemplates\":[],\"prompts\":[]}}");
        String session = Mcp.initialize();
        Await.until(() -> Mcp.tools(session).stream().anyMatch(tool -> "dead.echo".equals(tool.get("name"))));

        for (int call = 1; call <= 2; call++) {
            JsonPath failed = callEcho(session, call);
            assertEquals(true, failed.getBoolean("result.isError"));
            assertTrue(failed.getString("result.content[0].text").contains("'dead'"), failed.prettify());
        }
        long started = System.nanoTime();
        JsonPath refused = callEcho(session, 3);
        assertTrue(refused.getBoolean("result.isError"));
        assertEquals(
                "Upstream 'dead' is unavailable: most of its latest calls failed, so calls to it are paused for 60 s",
                refused.getString("result.content[0].text"));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1_000, "the open breaker answers at once");

        given().get("/console/api/upstreams")
                .then()
                .statusCode(200)
                .body("upstreams[0].state", equalTo("unavailable"))
                .body("upstreams[0].circuit", equalTo("open"))
                .body("upstreams[0].tools", equalTo(1))
                .body("upstreams[0].lastKnown", equalTo(true))
                .body("upstreams[0].listedAt", equalTo(Instant.parse(readAt).toString()))
                .body("upstreams[0].calls", equalTo(3))
                .body("upstreams[0].errors", equalTo(3))
                .body("upstreams[0].meanLatencyMs", notNullValue())
                .body("upstreams[0].url", equalTo(urlShown()));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String urlShown() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("switchboard.upstreams.dead.url", String.class);
    }

    private static JsonPath callEcho(String session, int id) {
        return Mcp.post(session, Mcp.call(id, "dead.echo", "{\"message\":\"hi\"}"))
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
