package dev.switchboard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.registry.GeneratedTool;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The build step's rules: what a tool declaration becomes, and every mistake it refuses with the class named. */
class ToolDescriberTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ToolDescriber DESCRIBER = new ToolDescriber(MAPPER);

    @Retention(RetentionPolicy.RUNTIME)
    @Description("The shelf to use")
    @McpHeader("Shelf")
    @interface ShelfArgument {}

    public record Book(String title, List<Author> authors) {}

    public record Author(String name) {}

    @ApplicationScoped
    @RequiresScopes("library")
    public static class Library {

        @Tool(name = "library.find", description = "Finds books.")
        @RequiresScopes("catalogue")
        public Map<String, Book> find(@ShelfArgument String shelf, @Description("Words") String words) {
            return Map.of();
        }

        @Tool(name = "library.count", description = "Counts books.")
        public long count(@ShelfArgument String shelf) {
            return 0;
        }
    }

    public static class NotABean {
        @Tool(name = "stray", description = "Declared outside any bean.")
        public String stray() {
            return "";
        }
    }

    @ApplicationScoped
    public static class Asynchronous {
        @Tool(name = "later", description = "Answers later.")
        public CompletableFuture<String> later() {
            return CompletableFuture.completedFuture("");
        }
    }

    @ApplicationScoped
    public static class Hidden {
        @Tool(name = "hidden", description = "Not public.")
        String hidden() {
            return "";
        }
    }

    @Tool(description = "A class that is no McpTool.")
    public static class NotATool {}

    @ApplicationScoped
    @Tool(description = "A tool class without a name.")
    public static class Unnamed implements McpTool<NoArguments, String> {
        @Override
        public String call(NoArguments arguments, ToolContext context) {
            return "";
        }
    }

    @ApplicationScoped
    public static class SchemaOnAMethod {
        @Tool(name = "written", description = "Writes its schema out.", inputSchema = "{\"type\":\"object\"}")
        public String written() {
            return "";
        }
    }

    @Test
    void aSharedArgumentAnnotationDescribesEveryParameterItMarks() {
        List<GeneratedTool> tools = DESCRIBER.describe(Library.class);
        assertEquals(
                List.of("library.count", "library.find"),
                tools.stream().map(t -> t.descriptor().name()).toList());
        for (GeneratedTool tool : tools) {
            JsonNode shelf = tool.descriptor().inputSchema().at("/properties/shelf");
            assertEquals(
                    "The shelf to use",
                    shelf.get("description").asText(),
                    tool.descriptor().name());
            assertEquals(
                    "Shelf",
                    shelf.get("x-mcp-header").asText(),
                    tool.descriptor().name());
        }
    }

    @Test
    void scopesOfTheBeanAndTheMethodAddUp() {
        GeneratedTool find = DESCRIBER.describe(Library.class).get(1);
        assertEquals(Set.of("catalogue", "library"), find.scopes());
        assertEquals(Set.of("library"), DESCRIBER.describe(Library.class).get(0).scopes());
    }

    @Test
    void objectResultsAreStructuredAndOtherValuesWrapped() {
        List<GeneratedTool> tools = DESCRIBER.describe(Library.class);
        GeneratedTool count = tools.get(0);
        GeneratedTool find = tools.get(1);
        assertTrue(count.wrapsResult());
        assertEquals(
                "integer",
                count.descriptor().outputSchema().at("/properties/result/type").asText());
        assertTrue(!find.wrapsResult(), "a map is a JSON object");
        assertEquals("object", find.descriptor().outputSchema().get("type").asText());
    }

    @Test
    void mistakesStopTheBuildNamingTheClass() {
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(NotABean.class))
                .getMessage()
                .contains(NotABean.class.getName() + " declares tools but is not a CDI bean"));
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(Asynchronous.class))
                .getMessage()
                .contains("returns CompletableFuture: return the result itself"));
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(Hidden.class))
                .getMessage()
                .contains(Hidden.class.getName() + "#hidden must be a public instance method"));
    }

    @Test
    void toolOnAClassNeedsAnMcpToolWithAName() {
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(NotATool.class))
                .getMessage()
                .contains(NotATool.class.getName() + " has @Tool but does not implement McpTool"));
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(Unnamed.class))
                .getMessage()
                .contains(Unnamed.class.getName() + ": a tool class names its tool"));
        assertTrue(assertThrows(BuildProblem.class, () -> DESCRIBER.describe(SchemaOnAMethod.class))
                .getMessage()
                .contains("@Tool(inputSchema) is for McpTool classes taking raw JSON"));
    }

    @Test
    void theReflectionConfigurationReachesEveryBoundType() throws Exception {
        ReflectionConfig reflection = new ReflectionConfig(MAPPER);
        reflection.method(Library.class.getMethod("find", String.class, String.class));
        Set<String> names = new HashSet<>();
        reflection.toJson().forEach(entry -> names.add(entry.get("name").asText()));
        assertEquals(Set.of(Library.class.getName(), Book.class.getName(), Author.class.getName()), names);
    }
}
