package dev.switchboard.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tools written as {@code @Tool} methods ({@link dev.switchboard.testing.tools.PlannerTools}: two tools on one bean)
 * served end to end: schemas from the build-time registry, arguments bound to parameters, constraints checked by
 * Hibernate Validator, typed results as structured content.
 */
@QuarkusTest
@SharedApp
class MethodToolsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String session;

    @BeforeEach
    void initialize() {
        session = Mcp.initialize();
    }

    @Test
    void parametersBecomeTheInputSchema() throws Exception {
        assertEquals(MAPPER.readTree("""
                        {"type":"object",
                         "properties":{
                           "destination":{"type":"string","description":"Where to go, e.g. \\"Lisbon\\"",
                                          "minLength":1,"maxLength":40},
                           "nights":{"type":"integer","format":"int32","description":"Nights away, 1-30",
                                     "minimum":1,"maximum":30},
                           "pace":{"type":"string","enum":["RELAXED","BUSY"],"description":"How full the days are;\
                         relaxed when omitted"}},
                         "required":["destination","nights"],
                         "additionalProperties":false}
                        """), tool("test.plan.trip").get("inputSchema"));
    }

    @Test
    void aRecordResultIsStructuredWithItsSchema() throws Exception {
        JsonNode trip = tool("test.plan.trip");
        assertEquals("Plan a trip", trip.get("title").asText());
        assertEquals(true, trip.at("/annotations/readOnlyHint").asBoolean());
        JsonNode output = trip.get("outputSchema");
        assertEquals("object", output.get("type").asText());
        assertEquals(
                "Where the trip goes",
                output.at("/properties/destination/description").asText());
        Mcp.post(session, Mcp.call(2, "test.plan.trip", "{\"destination\":\"Lisbon\",\"nights\":2}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.destination", equalTo("Lisbon"))
                .body("result.structuredContent.nights", equalTo(2))
                .body("result.structuredContent.pace", equalTo("RELAXED"))
                .body(
                        "result.structuredContent.packingList",
                        equalTo(List.of("passport", "charger", "shirt 1", "shirt 2")))
                .body("result.structuredContent.traveller", equalTo("open"));
    }

    @Test
    void aListResultIsWrappedAsResult() throws Exception {
        assertEquals(MAPPER.readTree("""
                        {"type":"object","properties":{"result":{"type":"array","items":{"type":"string"}}},
                         "required":["result"],"additionalProperties":false}
                        """), tool("test.plan.checklist").get("outputSchema"));
        Mcp.post(session, Mcp.call(3, "test.plan.checklist", "{\"nights\":1}"))
                .statusCode(200)
                .body("result.structuredContent", equalTo(Map.of("result", List.of("passport", "charger", "shirt 1"))))
                .body("result.content[0].text", equalTo("{\"result\":[\"passport\",\"charger\",\"shirt 1\"]}"));
    }

    @Test
    void aToolWithoutANameIsNamedAfterItsMethod() throws Exception {
        assertEquals(
                "How many nights a trip of this many days spends away.",
                tool("nightsAway").get("description").asText());
        Mcp.post(session, Mcp.call(9, "nightsAway", "{\"days\":3}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.result", equalTo(2));
    }

    @Test
    void constraintViolationsNameTheArgumentAndTheRule() {
        Mcp.post(session, Mcp.call(4, "test.plan.trip", "{\"destination\":\" \",\"nights\":40}"))
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'test.plan.trip': 'destination' must not be blank"
                                + " (@NotBlank); 'nights' must be less than or equal to 30 (@Max)"));
        Mcp.post(session, Mcp.call(5, "test.plan.checklist", "{\"nights\":0}"))
                .statusCode(200)
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'test.plan.checklist': 'nights' must be greater than 0"
                                + " (@Positive)"));
    }

    @Test
    void missingWrongAndUnknownArgumentsAreReported() {
        Mcp.post(session, Mcp.call(6, "test.plan.trip", "{\"destination\":\"Lisbon\"}"))
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'test.plan.trip': 'nights' is required"));
        Mcp.post(session, Mcp.call(7, "test.plan.trip", "{\"destination\":\"Lisbon\",\"nights\":2,\"pace\":\"FAST\"}"))
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'test.plan.trip': 'pace' must be one of [RELAXED, BUSY]"));
        Mcp.post(session, Mcp.call(8, "test.plan.trip", "{\"destination\":\"Lisbon\",\"nights\":2,\"budget\":9}"))
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Invalid arguments for tool 'test.plan.trip': unknown argument 'budget'; known"
                                + " arguments: destination, nights, pace"));
    }

    @Test
    void toolExceptionsReachTheModel() {
        Mcp.post(
                        session,
                        Mcp.call(9, "test.plan.trip", "{\"destination\":\"Atlantis\",\"nights\":2,\"pace\":\"BUSY\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", equalTo("Atlantis cannot be reached: pick a place on a map"));
    }

    private JsonNode tool(String name) throws Exception {
        Map<String, Object> tool = Mcp.tools(session).stream()
                .filter(candidate -> name.equals(candidate.get("name")))
                .findFirst()
                .orElseThrow();
        return MAPPER.valueToTree(tool);
    }
}
