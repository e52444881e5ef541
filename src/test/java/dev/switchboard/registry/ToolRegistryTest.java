package dev.switchboard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.TextContent;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolResult;
import dev.switchboard.testing.QuietToolContext;
import dev.switchboard.testing.Registries;
import dev.switchboard.testing.tools.PlannerTools;
import dev.switchboard.testing.tools.RequestMarker;
import dev.switchboard.testing.tools.ThreadTools;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    private static final ToolContext CONTEXT = new QuietToolContext("forecast");

    enum Unit {
        CELSIUS,
        FAHRENHEIT
    }

    @ApplicationScoped
    @Tool(name = "forecast", title = "Forecast", description = "A forecast.", readOnly = true)
    static class ForecastTool implements McpTool<ForecastTool.Args, ForecastTool.Out> {

        record Args(
                @Description("City name") @NotBlank String city,
                @Min(1) @Max(16) Integer days,
                @Size(min = 1, max = 3) List<String> tags,
                @Pattern(regexp = "[A-Z]{3}") String code,
                Unit unit,
                @NotNull Boolean hourly) {}

        record Out(String city, int days) {}

        @Override
        public Out call(Args args, ToolContext context) {
            if (args.city().equals("Atlantis")) {
                throw new ToolException("Unknown city 'Atlantis'");
            }
            return new Out(args.city(), args.days() == null ? 1 : args.days());
        }
    }

    @ApplicationScoped
    @Tool(name = "forecast", description = "Another tool with the same name.")
    static class OtherForecastTool implements McpTool<dev.switchboard.api.NoArguments, String> {
        @Override
        public String call(dev.switchboard.api.NoArguments arguments, ToolContext context) {
            return "x";
        }
    }

    @ApplicationScoped
    @Tool(name = "bad name!", description = "Invalid name.")
    static class BadNameTool extends OtherForecastTool {}

    @Tool(name = "not.a.bean", description = "No scope annotation, so CDI never creates it.")
    static class NotABeanTool implements McpTool<dev.switchboard.api.NoArguments, String> {
        @Override
        public String call(dev.switchboard.api.NoArguments arguments, ToolContext context) {
            return "x";
        }
    }

    @ApplicationScoped
    static class UndeclaredTool extends OtherForecastTool {}

    /** A bean of builds with a property no build sets: CDI never has it. */
    @ApplicationScoped
    @IfBuildProperty(name = "switchboard-test.never-set", stringValue = "true")
    @Tool(name = "switched.off", description = "Switched off at build time.")
    static class SwitchedOffTool extends OtherForecastTool {}

    @ApplicationScoped
    @Tool(name = "a.first", description = "Sorts first.")
    static class FirstTool extends OtherForecastTool {}

    private static ToolRegistry registry(Object... beans) {
        return Registries.of(MAPPER, VALIDATOR, beans);
    }

    private static RegisteredTool forecast() {
        return registry(new ForecastTool()).find("forecast").orElseThrow();
    }

    @Test
    void duplicateNamesFailNamingBothClasses() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> registry(new ForecastTool(), new OtherForecastTool()));
        assertTrue(e.getMessage().contains("Duplicate tool name 'forecast'"), e.getMessage());
        assertTrue(e.getMessage().contains(ForecastTool.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherForecastTool.class.getName()), e.getMessage());
    }

    @Test
    void invalidNamesFail() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry(new BadNameTool()));
        assertTrue(e.getMessage().contains("invalid name 'bad name!'"), e.getMessage());
    }

    @Test
    void toolsNeedTheDefinitionAnnotation() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry(new UndeclaredTool()));
        assertTrue(e.getMessage().contains("lacks @Tool"), e.getMessage());
    }

    @Test
    void toolClassesMustBeBeans() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry(new NotABeanTool()));
        assertTrue(e.getMessage().contains(NotABeanTool.class.getName() + " declares tools but is not a CDI bean"));
    }

    @Test
    void listsToolsSortedByName() {
        assertEquals(
                List.of("a.first", "forecast"),
                registry(new ForecastTool(), new FirstTool()).descriptors().stream()
                        .map(ToolDescriptor::name)
                        .toList());
    }

    @Test
    void generatesInputSchemaFromConstrainedRecord() throws Exception {
        ObjectNode schema = forecast().descriptor().inputSchema();
        JsonNode expected = MAPPER.readTree("""
                {"type":"object",
                 "properties":{
                   "city":{"type":"string","description":"City name","minLength":1},
                   "code":{"type":"string","pattern":"[A-Z]{3}"},
                   "days":{"type":"integer","format":"int32","minimum":1,"maximum":16},
                   "hourly":{"type":"boolean"},
                   "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3},
                   "unit":{"type":"string","enum":["CELSIUS","FAHRENHEIT"]}},
                 "required":["city","hourly"],
                 "additionalProperties":false}
                """);
        // Re-read, so numbers compare by value whatever node type victools chose for them.
        assertEquals(expected, MAPPER.readTree(schema.toString()));
        assertFalse(schema.has("$schema"), "MCP assumes JSON Schema 2020-12 when $schema is absent");
    }

    @Test
    void describesToolAndStructuredOutput() {
        ToolDescriptor descriptor = forecast().descriptor();
        assertEquals("Forecast", descriptor.title());
        assertEquals("object", descriptor.outputSchema().get("type").asText());
        assertTrue(descriptor.outputSchema().path("properties").has("days"));
        assertTrue(descriptor.annotations().readOnlyHint());
        assertFalse(descriptor.annotations().destructiveHint(), "a read-only tool is never destructive");
        assertNull(registry(new OtherForecastTool()).descriptors().get(0).outputSchema());
    }

    @Test
    void structuredResultHasTextCopy() throws Exception {
        ToolResult result =
                forecast().invoke(MAPPER.readTree("{\"city\":\"Paris\",\"days\":2,\"hourly\":false}"), CONTEXT);
        assertFalse(result.isError());
        // structuredContent is the same JSON as the text copy, written once (a raw value)
        assertEquals(
                MAPPER.readTree("{\"city\":\"Paris\",\"days\":2}"),
                MAPPER.readTree(MAPPER.writeValueAsString(result.structuredContent())));
        assertEquals(
                MAPPER.readTree("{\"city\":\"Paris\",\"days\":2}"),
                MAPPER.readTree(((TextContent) result.content().get(0)).text()));
    }

    @Test
    void constraintViolationsNameFieldAndRule() throws Exception {
        ToolResult result = forecast().invoke(MAPPER.readTree("{\"city\":\" \",\"days\":40,\"hourly\":true}"), CONTEXT);
        assertTrue(result.isError());
        assertEquals(
                "Invalid arguments for tool 'forecast': 'city' must not be blank (@NotBlank);"
                        + " 'days' must be less than or equal to 16 (@Max)",
                result.joinedText());
    }

    @Test
    void missingRequiredArgumentIsReported() throws Exception {
        ToolResult result = forecast().invoke(MAPPER.readTree("{\"city\":\"Paris\"}"), CONTEXT);
        assertTrue(result.isError());
        assertTrue(result.joinedText().contains("'hourly' must not be null (@NotNull)"), result.joinedText());
    }

    @Test
    void wrongTypesAndUnknownArgumentsAreReported() throws Exception {
        assertEquals(
                "Invalid arguments for tool 'forecast': 'days' must be an integer",
                forecast()
                        .invoke(MAPPER.readTree("{\"city\":\"P\",\"days\":\"many\",\"hourly\":true}"), CONTEXT)
                        .joinedText());
        assertEquals(
                "Invalid arguments for tool 'forecast': 'unit' must be one of [CELSIUS, FAHRENHEIT]",
                forecast()
                        .invoke(MAPPER.readTree("{\"city\":\"P\",\"unit\":\"KELVIN\",\"hourly\":true}"), CONTEXT)
                        .joinedText());
        String unknown = forecast()
                .invoke(MAPPER.readTree("{\"city\":\"P\",\"colour\":1}"), CONTEXT)
                .joinedText();
        assertTrue(unknown.contains("unknown argument 'colour'"), unknown);
        assertTrue(unknown.contains("city, code, days, hourly, tags, unit"), unknown);
    }

    @Test
    void toolExceptionsBecomeErrorResults() throws Exception {
        ToolResult result = forecast().invoke(MAPPER.readTree("{\"city\":\"Atlantis\",\"hourly\":true}"), CONTEXT);
        assertTrue(result.isError());
        assertEquals("Unknown city 'Atlantis'", result.joinedText());
    }

    @Test
    void methodToolsBindArgumentsToParameters() throws Exception {
        ToolRegistry registry = registry(new PlannerTools());
        assertEquals(
                List.of("test.plan.checklist", "test.plan.trip"),
                registry.descriptors().stream().map(ToolDescriptor::name).toList());
        ToolResult trip = registry.find("test.plan.trip")
                .orElseThrow()
                .invoke(MAPPER.readTree("{\"destination\":\"Oslo\",\"nights\":1}"), CONTEXT);
        assertFalse(trip.isError(), trip.joinedText());
        assertEquals(
                "RELAXED",
                MAPPER.readTree(MAPPER.writeValueAsString(trip.structuredContent()))
                        .get("pace")
                        .asText(),
                "an omitted Optional is empty");
        ToolResult checklist = registry.find("test.plan.checklist")
                .orElseThrow()
                .invoke(MAPPER.readTree("{\"nights\":\"two\"}"), CONTEXT);
        assertEquals(
                "Invalid arguments for tool 'test.plan.checklist': 'nights' must be an integer",
                checklist.joinedText());
    }

    @Test
    void aRegistryOlderThanTheCodeStopsStartUpNamingTheClass() {
        List<GeneratedTool> generated = Registries.describe(new PlannerTools());
        IllegalStateException added = assertThrows(
                IllegalStateException.class,
                () -> Registries.load(generated.subList(0, 1), MAPPER, VALIDATOR, new PlannerTools()));
        assertTrue(added.getMessage().contains("does not match " + PlannerTools.class.getName()), added.getMessage());
        assertTrue(added.getMessage().contains("declares 2 @Tool methods, the registry lists 1"), added.getMessage());
        GeneratedTool trip = generated.get(1);
        GeneratedTool renamed = new GeneratedTool(
                trip.descriptor(),
                trip.beanClass(),
                "planned",
                trip.parameters(),
                null,
                true,
                false,
                0,
                trip.scopes(),
                false,
                null);
        IllegalStateException changed = assertThrows(
                IllegalStateException.class,
                () -> Registries.load(List.of(generated.get(0), renamed), MAPPER, VALIDATOR, new PlannerTools()));
        assertTrue(changed.getMessage().contains("its method planned has changed"), changed.getMessage());
        assertTrue(changed.getMessage().contains("rebuild with ./mvnw"), changed.getMessage());
    }

    @Test
    void aMissingBeanFailsUnlessABuildConditionSwitchedItOff() {
        assertEquals(
                0,
                Registries.load(Registries.describe(new SwitchedOffTool()), MAPPER, VALIDATOR)
                        .size(),
                "SwitchedOffTool exists only with switchboard-test.never-set=true");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Registries.load(Registries.describe(new ForecastTool()), MAPPER, VALIDATOR));
        assertTrue(
                e.getMessage()
                        .contains(ForecastTool.class.getName() + " declares the tool 'forecast' but is not an"
                                + " available CDI bean"),
                e.getMessage());
    }

    @Test
    void aToolWithoutArgumentsRefusesUnknownOnes() throws Exception {
        ToolResult result = registry(new ThreadTools(new RequestMarker()))
                .find("test.thread.blocking")
                .orElseThrow()
                .invoke(MAPPER.readTree("{\"colour\":1}"), CONTEXT);
        assertTrue(result.isError());
        assertEquals(
                "Invalid arguments for tool 'test.thread.blocking': unknown argument 'colour'; this tool takes no"
                        + " arguments",
                result.joinedText());
    }

    @Test
    void excludedToolsAreNeitherListedNorFound() {
        ToolRegistry all = Registries.of(MAPPER, VALIDATOR, new ForecastTool(), new PlannerTools());

        ToolRegistry byPrefix = all.without(List.of("test.plan.*"));
        assertEquals(
                List.of("forecast"),
                byPrefix.descriptors().stream().map(ToolDescriptor::name).toList());
        assertTrue(byPrefix.find("test.plan.trip").isEmpty());

        ToolRegistry byName = all.without(List.of("forecast"));
        assertEquals(
                List.of("test.plan.checklist", "test.plan.trip"),
                byName.descriptors().stream().map(ToolDescriptor::name).toList());
        assertEquals(
                2, byName.wire(dev.switchboard.api.Principal.OPEN, false, false).size());
        assertSame(all, all.without(List.of()));
    }

    @Test
    void anExclusionThatMatchesNoToolIsRefusedWithTheToolNames() {
        ToolRegistry all = Registries.of(MAPPER, VALIDATOR, new ForecastTool());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> all.without(List.of("forcast")));
        assertEquals(
                "switchboard.tools.exclude names 'forcast', which matches no tool. Tools: forecast", e.getMessage());
    }
}
