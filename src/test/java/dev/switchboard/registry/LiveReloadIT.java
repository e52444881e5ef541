package dev.switchboard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.DevModeProcess;
import dev.switchboard.testing.Stateless;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw quarkus:dev} on a copy of the project: a {@code @Tool} method added, then changed, is listed and
 * called at the next request, without restarting dev mode; a duplicate tool name shows the generator's message on dev
 * mode's error page until it is fixed.
 */
class LiveReloadIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(60);
    private static final Pattern REWRITE = Pattern.compile("Wrote the registries again in (\\d+) ms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aToolAddedOrChangedInDevModeIsLiveAtTheNextRequest() throws Exception {
        long started = System.nanoTime();
        try (DevModeProcess dev = DevModeProcess.start(START_LIMIT)) {
            assertEquals(List.of(), rewrites(dev), "the registries Maven wrote at start are current:\n" + dev.tail());
            assertFalse(toolNames(list(dev)).contains("live.greet"), "no such tool yet");

            write(dev, "Greeter", greeter("Greets someone by name.", "Hello"));
            JsonNode tool = awaitTool(dev, "Greets someone by name.");
            assertEquals("string", tool.at("/inputSchema/properties/name/type").asText(), tool.toString());
            assertEquals("Hello, Ada", callGreet(dev), dev.tail());

            write(dev, "Greeter", greeter("Greets someone warmly by name.", "Welcome"));
            awaitTool(dev, "Greets someone warmly by name.");
            assertEquals("Welcome, Ada", callGreet(dev), dev.tail());

            write(dev, "Impostor", greeter("Claims the same name.", "Hi").replace("Greeter", "Impostor"));
            Await.until(RELOAD_LIMIT, () -> "no start failure naming the duplicate\n" + dev.tail(), () -> {
                HttpResponse<String> failed = post(dev, "tools/list", "");
                return failed.statusCode() == 500
                        && failed.body().contains("Duplicate tool name 'live.greet' declared by")
                        && failed.body().contains("Impostor");
            });
            assertTrue(
                    dev.output().contains("The registry generator failed (exit 1): Duplicate tool name"), dev.tail());

            Files.delete(dev.sources().resolve("com/example/live/Impostor.java"));
            awaitTool(dev, "Greets someone warmly by name.");

            List<Integer> rewrites = rewrites(dev);
            assertEquals(3, rewrites.size(), "one rewrite per change but the failed one:\n" + dev.tail());
            System.out.printf(
                    "LiveReloadIT: registries rewritten in %s ms; %d s in all%n",
                    rewrites, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    private static String greeter(String description, String greeting) {
        return """
                package com.example.live;

                import dev.switchboard.api.Description;
                import dev.switchboard.api.Tool;
                import jakarta.enterprise.context.ApplicationScoped;

                @ApplicationScoped
                public class Greeter {

                    @Tool(name = "live.greet", description = "%s", readOnly = true, openWorld = false)
                    public String greet(@Description("Who to greet") String name) {
                        return "%s, " + name;
                    }
                }
                """.formatted(description, greeting);
    }

    /** Writes a whole source file at once, so a scan never compiles half of it. */
    private static void write(DevModeProcess dev, String className, String source) throws IOException {
        Path file = dev.sources().resolve("com/example/live/" + className + ".java");
        Files.createDirectories(file.getParent());
        Path draft = Files.writeString(file.resolveSibling(className + ".draft"), source);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls {@code tools/list} (each request lets dev mode reload) until {@code live.greet} has the description. */
    private static JsonNode awaitTool(DevModeProcess dev, String description) {
        JsonNode[] found = new JsonNode[1];
        Await.until(RELOAD_LIMIT, () -> "live.greet never listed as '" + description + "'\n" + dev.tail(), () -> {
            if (!dev.isAlive()) {
                throw new AssertionError("dev mode exited\n" + dev.tail());
            }
            HttpResponse<String> response = post(dev, "tools/list", "");
            if (response.statusCode() != 200) {
                return false; // still reloading, or a start that failed
            }
            for (JsonNode tool : read(response).at("/result/tools")) {
                if (tool.path("name").asText().equals("live.greet")
                        && tool.path("description").asText().equals(description)) {
                    found[0] = tool;
                    return true;
                }
            }
            Await.sleep(Duration.ofMillis(200));
            return false;
        });
        return found[0];
    }

    private static String callGreet(DevModeProcess dev) {
        HttpResponse<String> response =
                post(dev, "tools/call", "\"name\":\"live.greet\",\"arguments\":{\"name\":\"Ada\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = read(response).path("result");
        assertFalse(result.path("isError").asBoolean(), result.toString());
        return result.at("/content/0/text").asText();
    }

    private static List<String> toolNames(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<String> names = new ArrayList<>();
        read(response)
                .at("/result/tools")
                .forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }

    private static HttpResponse<String> list(DevModeProcess dev) {
        return post(dev, "tools/list", "");
    }

    /** A 2026-07-28 request: no session, the method (and the tool's name) in headers as well as in the body. */
    private static HttpResponse<String> post(DevModeProcess dev, String method, String params) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dev.url() + "/mcp"))
                .timeout(RELOAD_LIMIT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", Stateless.VERSION)
                .header("Mcp-Method", method)
                .POST(HttpRequest.BodyPublishers.ofString(Stateless.body(1, method, params)));
        if (method.equals("tools/call")) {
            request.header("Mcp-Name", "live.greet");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST /mcp " + method + " failed: " + e + "\n" + dev.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** How long each rewrite of the registries took, as dev mode logged it. */
    private static List<Integer> rewrites(DevModeProcess dev) {
        List<Integer> millis = new ArrayList<>();
        Matcher matcher = REWRITE.matcher(dev.output());
        while (matcher.find()) {
            millis.add(Integer.parseInt(matcher.group(1)));
        }
        return millis;
    }
}
