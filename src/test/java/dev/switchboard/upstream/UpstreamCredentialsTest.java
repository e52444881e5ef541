package dev.switchboard.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.testing.AuthServerStub;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.RecordingUpstream;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.Stateless;
import dev.switchboard.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With authorization on, a caller's bearer token never reaches an upstream: every request the upstream receives
 * carries its configured credential and no {@code Authorization} at all. And a 2026-07-28 call's own upstream session
 * is ended after the call.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = AuthServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RecordingUpstream.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamCredentialsTest {

    Tokens tokens;

    WireMockServer upstream;

    @Inject
    RedisDataSource redis;

    @Inject
    SwitchboardConfig config;

    @Inject
    ObjectMapper mapper;

    @Test
    void theCallersTokenNeverReachesTheUpstream() {
        String token = tokens.valid("alice", "mcp");
        String session = Mcp.initializeAs(token);
        // Listed once the upstream was read after start-up: until then the call is an unknown tool.
        Await.until(
                Duration.ofSeconds(20),
                () -> "recorder.whoami never answered",
                () -> "someone"
                        .equals(post(session, token, Mcp.call(2, "recorder.whoami", "{}"))
                                .statusCode(200)
                                .extract()
                                .path("result.content[0].text")));

        // A 2026-07-28 call has no session of ours: it gets an upstream session of its own, ended after the call.
        Stateless.call("recorder.whoami")
                .header("Authorization", "Bearer " + token)
                .body(Stateless.callBody(3, "recorder.whoami", "{}"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.content[0].text", org.hamcrest.Matchers.equalTo("someone"));
        List<String> callSessions =
                upstream
                        .findAll(postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"tools/call\"")))
                        .stream()
                        .map(request -> request.getHeader("Mcp-Session-Id"))
                        .toList();
        String statelessSession = callSessions.get(callSessions.size() - 1);
        assertFalse(
                callSessions.subList(0, callSessions.size() - 1).contains(statelessSession), callSessions.toString());
        Await.until(
                Duration.ofSeconds(5),
                () -> "the stateless call's upstream session " + statelessSession + " was not ended",
                () -> upstream.findAll(deleteRequestedFor(urlEqualTo("/mcp"))).stream()
                        .anyMatch(request -> statelessSession.equals(request.getHeader("Mcp-Session-Id"))));

        List<LoggedRequest> received = upstream.findAll(anyRequestedFor(urlEqualTo("/mcp")));
        assertTrue(
                received.stream().anyMatch(request -> request.getBodyAsString().contains("\"tools/call\"")),
                "the call went upstream");
        for (LoggedRequest request : received) {
            assertEquals(RecordingUpstream.KEY, request.getHeader("X-Upstream-Key"), request.getBodyAsString());
            assertFalse(request.containsHeader("Authorization"), "a token went upstream: " + request);
            assertFalse(request.toString().contains(token), "the caller's token went upstream: " + request);
        }
    }

    /** Our DELETE ends the upstream session the caller's session had (read from its state before that is gone). */
    @Test
    void endingOurSessionEndsItsUpstreamSession() {
        String token = tokens.valid("bob", "mcp");
        String session = Mcp.initializeAs(token);
        Await.until(() -> "someone"
                .equals(post(session, token, Mcp.call(2, "recorder.whoami", "{}"))
                        .statusCode(200)
                        .extract()
                        .path("result.content[0].text")));
        List<LoggedRequest> calls =
                upstream.findAll(postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"tools/call\"")));
        String upstreamSession = calls.get(calls.size() - 1).getHeader("Mcp-Session-Id");

        Mcp.request(session)
                .header("Authorization", "Bearer " + token)
                .delete("/mcp")
                .then()
                .statusCode(204);
        Await.until(
                Duration.ofSeconds(5),
                () -> "our DELETE did not end upstream session " + upstreamSession,
                () -> upstream.findAll(deleteRequestedFor(urlEqualTo("/mcp"))).stream()
                        .anyMatch(request -> upstreamSession.equals(request.getHeader("Mcp-Session-Id"))));
    }

    /**
     * The session-era handshake declares what we pass on to our callers: their answers to the upstream's questions,
     * and MCP Apps views (an upstream on the Apps SDK links tools to views only for a client that declares them).
     */
    @Test
    void theHandshakeDeclaresWhatWePassOnToOurCallers() throws Exception {
        Await.until(() -> !upstream.findAll(
                        postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"initialize\"")))
                .isEmpty());
        LoggedRequest initialize = upstream.findAll(
                        postRequestedFor(urlEqualTo("/mcp")).withRequestBody(containing("\"initialize\"")))
                .get(0);
        JsonNode capabilities =
                mapper.readTree(initialize.getBodyAsString()).path("params").path("capabilities");
        assertTrue(capabilities.path("elicitation").has("url"), capabilities.toString());
        assertTrue(capabilities.has("sampling"), capabilities.toString());
        assertEquals(
                "text/html;profile=mcp-app",
                capabilities
                        .path("extensions")
                        .path("io.modelcontextprotocol/ui")
                        .path("mimeTypes")
                        .path(0)
                        .asText(),
                capabilities.toString());
    }

    /** What a replica read from the upstream is kept in Redis, for a replica that starts while the upstream is down. */
    @Test
    void theListReadIsKeptInRedisWithATtl() throws Exception {
        String key = config.sessions().redisKeyPrefix() + ":upstream:recorder:listing";
        Await.until(() -> redis.key().exists(key));
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofHours(24).toMillis(), "kept for last-known-ttl (24h): " + ttl);
        JsonNode saved = mapper.readTree(redis.value(String.class).get(key));
        assertEquals("whoami", saved.at("/listing/tools/0/name").asText(), saved.toString());
        assertTrue(saved.path("readAt").isTextual(), saved.toString());
    }

    private static ValidatableResponse post(String session, String token, String body) {
        return Mcp.request(session)
                .header("Authorization", "Bearer " + token)
                .body(body)
                .post("/mcp")
                .then();
    }
}
