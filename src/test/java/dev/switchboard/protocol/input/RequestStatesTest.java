package dev.switchboard.protocol.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.testing.ConfigMappings;
import dev.switchboard.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static SwitchboardConfig config(String... properties) {
        return ConfigMappings.of(SwitchboardConfig.class, properties);
    }

    private static RequestStates states(Clock clock, String... properties) {
        return new RequestStates(MAPPER, clock, config(properties));
    }

    private static JsonRpcRequest call(int id, String arguments) throws Exception {
        ObjectNode params = (ObjectNode) MAPPER.readTree("{\"name\":\"t\",\"arguments\":" + arguments
                + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"},\"inputResponses\":{}}");
        return new JsonRpcRequest(JsonRpcId.of(id), "tools/call", params);
    }

    private static final Principal ALICE = new Principal("alice", java.util.Set.of(), true);
    private static final Principal MALLORY = new Principal("mallory", java.util.Set.of(), true);

    private static final Map<String, JsonNode> ANSWERS =
            Map.of("name", MAPPER.createObjectNode().put("action", "accept"));

    @Test
    void aStateOpensOnTheRetryOfItsRequest() throws Exception {
        RequestStates states = states(Clock.fixed(NOW, ZoneOffset.UTC));
        String state = states.issue(call(1, "{\"a\":1,\"b\":[true]}"), ALICE, ANSWERS);
        // Another id, other keys order, another _meta: still the same request.
        assertEquals(ANSWERS, states.open(state, call(2, "{\"b\":[true],\"a\":1}"), ALICE));
    }

    @Test
    void alteredForeignExpiredAndMisplacedStatesAreRefused() throws Exception {
        RequestStates states = states(Clock.fixed(NOW, ZoneOffset.UTC));
        JsonRpcRequest request = call(1, "{\"a\":1}");
        String state = states.issue(request, ALICE, ANSWERS);
        String body = state.substring(0, state.indexOf('.'));
        String forged = MAPPER.createObjectNode().put("m", "tools/call").toString();
        for (String bad : new String[] {
            state + "x",
            "nonsense",
            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                    + state.substring(body.length()),
            states(Clock.fixed(NOW, ZoneOffset.UTC)).issue(request, ALICE, ANSWERS) // another key
        }) {
            JsonRpcException refused = assertThrows(JsonRpcException.class, () -> states.open(bad, request, ALICE));
            assertEquals(-32602, refused.code());
        }
        JsonRpcException stolen = assertThrows(JsonRpcException.class, () -> states.open(state, request, MALLORY));
        assertTrue(stolen.getMessage().contains("another request"), stolen.getMessage());
        JsonRpcException other =
                assertThrows(JsonRpcException.class, () -> states.open(state, call(1, "{\"a\":2}"), ALICE));
        assertTrue(other.getMessage().contains("another request"), other.getMessage());
    }

    @Test
    void statesExpire() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        RequestStates states = states(clock);
        JsonRpcRequest request = call(1, "{}");
        String state = states.issue(request, ALICE, ANSWERS);
        clock.advance(Duration.ofMinutes(11)); // the TTL is 10 minutes
        JsonRpcException expired = assertThrows(JsonRpcException.class, () -> states.open(state, request, ALICE));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    }

    @Test
    void aConfiguredKeyIsSharedAndStatesAreBounded() throws Exception {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        RequestStates one = states(Clock.systemUTC(), "switchboard.stateless.request-state-key", key);
        RequestStates two = states(Clock.systemUTC(), "switchboard.stateless.request-state-key", key);
        one.onStart(null, null);
        two.onStart(null, null);
        JsonRpcRequest request = call(1, "{}");
        String state = one.issue(request, ALICE, ANSWERS);
        assertEquals(ANSWERS, two.open(state, request, ALICE));
        assertNotEquals(state, one.issue(request, ALICE, Map.of()));

        RequestStates small = states(Clock.systemUTC(), "switchboard.stateless.request-state-max-bytes", "64");
        assertThrows(ToolException.class, () -> small.issue(request, ALICE, ANSWERS));
    }
}
