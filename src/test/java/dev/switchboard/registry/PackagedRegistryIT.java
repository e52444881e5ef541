package dev.switchboard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.BuiltinTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application carries the registry the build generated and not the generator: start-up reads
 * {@code tools.json}, native-image reads the reflection configuration, and victools stays out of the libraries.
 */
class PackagedRegistryIT {

    private static final Path APP = Path.of("target/quarkus-app");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaGeneratorIsNotPackaged() throws IOException {
        try (Stream<Path> libraries = Files.walk(APP.resolve("lib"))) {
            List<String> victools = libraries
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.contains("victools") || name.contains("jsonschema"))
                    .toList();
            assertEquals(List.of(), victools, "victools is a build-time dependency only");
        }
        String dependencies = Files.readString(APP.resolve("quarkus-app-dependencies.txt"));
        assertTrue(dependencies.contains("quarkus-rest"), "the dependency list was read: " + dependencies.length());
        assertTrue(!dependencies.contains("victools"), dependencies);
    }

    @Test
    void theApplicationJarCarriesTheRegistryAndTheReflectionConfiguration() throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(APP.resolve("app"))) {
            jar = jars.filter(path -> path.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow();
        }
        try (JarFile application = new JarFile(jar.toFile())) {
            JsonNode tools = JSON.readTree(application.getInputStream(application.getEntry(GeneratedTool.LOCATION)));
            Set<String> names = new HashSet<>();
            tools.forEach(tool -> names.add(tool.at("/descriptor/name").asText()));
            assertEquals(BuiltinTools.NAMES, names, "the built-in tools, and no test tool or conformance fixture");
            JsonNode reflection = JSON.readTree(application.getInputStream(
                    application.getEntry("META-INF/native-image/dev.switchboard/tools/reflect-config.json")));
            Set<String> registered = new HashSet<>();
            reflection.forEach(entry -> registered.add(entry.get("name").asText()));
            assertTrue(registered.contains("dev.switchboard.builtin.calendar.Calendar"), "a tool bean: " + registered);
            assertTrue(registered.contains("dev.switchboard.builtin.calendar.CalendarEvent"), "a result part");
            assertTrue(registered.contains("dev.switchboard.builtin.weather.WeatherTool$Args"), "class tool arguments");
            assertTrue(registered.contains("dev.switchboard.builtin.weather.TemperatureUnit"), "an argument enum");
        }
    }
}
