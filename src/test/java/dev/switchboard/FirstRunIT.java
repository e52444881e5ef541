package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.BuiltinTools;
import dev.switchboard.testing.PackagedJar;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged jar as a new user meets it (docs/deployment.md, "Run the packaged service"): started with no settings
 * it stops with a few lines that name what to set; started as the trial there it is ready with no warning but the
 * one about web search; each setting start-up needs, when wrong, stops it with the variable to fix and no stack trace.
 */
class FirstRunIT {

    private static final Duration EXIT_LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutSettingsItStopsNamingTheVariablesToSet() throws Exception {
        PackagedJar.Exit exit = PackagedJar.runToExit(Map.of(), EXIT_LIMIT);

        assertEquals(1, exit.code(), exit.output());
        assertTrue(exit.output().contains("SWITCHBOARD_AUTH_ISSUER"), exit.output());
        assertTrue(exit.output().contains("SWITCHBOARD_AUTH_RESOURCE"), exit.output());
        assertTrue(exit.output().contains("SWITCHBOARD_AUTH_ENABLED=false"), exit.output());
        assertNoStackTrace(exit.output());
        // the refusal, its heading and Hibernate Validator's version banner, printed before logging is set up
        assertTrue(lines(exit.output()).size() <= 4, "a short refusal, not a log:\n" + exit.output());
    }

    static Stream<Arguments> misconfigurations() {
        int closedPort = ServiceProcess.freePort();
        return Stream.of(
                Arguments.of(
                        "a search provider without its URL",
                        Map.of("SWITCHBOARD_AUTH_ENABLED", "false", "SWITCHBOARD_SEARCH_PROVIDER", "searxng"),
                        List.of("SWITCHBOARD_SEARCH_SEARXNG_URL")),
                Arguments.of(
                        "a search provider without its key",
                        Map.of("SWITCHBOARD_AUTH_ENABLED", "false", "SWITCHBOARD_SEARCH_PROVIDER", "brave"),
                        List.of("SWITCHBOARD_SEARCH_BRAVE_API_KEY")),
                Arguments.of(
                        "a resource URI that is not absolute",
                        Map.of(
                                "SWITCHBOARD_AUTH_ISSUER", "https://login.example.com/realms/mcp",
                                "SWITCHBOARD_AUTH_RESOURCE", "mcp.example.com/mcp"),
                        List.of("SWITCHBOARD_AUTH_RESOURCE", "'mcp.example.com/mcp'")),
                Arguments.of(
                        "an issuer that is not a URL",
                        Map.of(
                                "SWITCHBOARD_AUTH_ISSUER", "login.example.com",
                                "SWITCHBOARD_AUTH_RESOURCE", "https://mcp.example.com/mcp"),
                        List.of("SWITCHBOARD_AUTH_ISSUER", "'login.example.com'")),
                Arguments.of(
                        "a request-state key too short to sign",
                        Map.of(
                                "SWITCHBOARD_AUTH_ENABLED", "false",
                                "SWITCHBOARD_SESSIONS_STORE", "memory",
                                "SWITCHBOARD_STATELESS_REQUEST_STATE_KEY", "c2hvcnQ="),
                        List.of("SWITCHBOARD_STATELESS_REQUEST_STATE_KEY", "openssl rand -base64 32")),
                Arguments.of(
                        "Redis unreachable at start",
                        Map.of(
                                "SWITCHBOARD_AUTH_ENABLED", "false",
                                "REDIS_URL", "redis://:hunter2@127.0.0.1:" + closedPort,
                                "SWITCHBOARD_SESSIONS_REDIS_START_TIMEOUT", "2s"),
                        List.of("REDIS_URL", "redis://127.0.0.1:" + closedPort, "SWITCHBOARD_SESSIONS_STORE=memory")),
                Arguments.of(
                        "numbers and durations out of range, in the core settings and in a feature's",
                        Map.of(
                                "SWITCHBOARD_AUTH_ENABLED", "false",
                                "SWITCHBOARD_SESSIONS_STORE", "memory",
                                "SWITCHBOARD_RATE_LIMIT_WINDOW", "0s",
                                "SWITCHBOARD_STREAMS_MAX_OPEN_PER_SESSION", "0"),
                        List.of(
                                "switchboard.rate-limit.window (SWITCHBOARD_RATE_LIMIT_WINDOW) must be at least 1s,"
                                        + " not 0ms",
                                "switchboard.streams.max-open-per-session (SWITCHBOARD_STREAMS_MAX_OPEN_PER_SESSION)"
                                        + " must be at least 1, not 0")),
                Arguments.of(
                        "an OpenAPI document that is not there",
                        Map.of(
                                "SWITCHBOARD_AUTH_ENABLED", "false",
                                "SWITCHBOARD_SESSIONS_STORE", "memory",
                                "SWITCHBOARD_OPENAPI_CRM_DOCUMENT", "/nowhere/crm.yaml"),
                        List.of(
                                "switchboard.openapi.crm.document=/nowhere/crm.yaml cannot be read: there is no such file")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void aSettingThatCannotWorkStopsStartUpWithTheVariableToFix(
            String name, Map<String, String> settings, List<String> named) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        // never the default ports: a refusal must not depend on what else runs on the machine
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.put("QUARKUS_MANAGEMENT_PORT", "0");

        PackagedJar.Exit exit = PackagedJar.runToExit(environment, EXIT_LIMIT);

        assertEquals(1, exit.code(), exit.output());
        for (String word : named) {
            assertTrue(exit.output().contains(word), "names " + word + ":\n" + exit.output());
        }
        assertFalse(exit.output().contains("hunter2"), "a password in REDIS_URL is never printed");
        assertNoStackTrace(exit.output());
    }

    @Test
    void theReadmeTrialIsReadyWithoutWarningsAndKeepsOperationsOffThePublicPort() throws Exception {
        RedisServerResource redis = new RedisServerResource();
        redis.start();
        try (ServiceProcess service =
                ServiceProcess.startWith(Map.of("SWITCHBOARD_AUTH_ENABLED", "false", "REDIS_URL", redis.url()))) {
            // Ready once its Redis channels listen too, a moment after it is live.
            dev.switchboard.testing.Await.until(() -> isReady(service));
            HttpResponse<String> ready = get(service.managementUrl() + "/q/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("UP", JSON.readTree(ready.body()).path("status").asText(), ready.body());
            assertEquals(200, get(service.managementUrl() + "/q/metrics").statusCode());

            assertEquals(404, get(service.url() + "/q/health/ready").statusCode(), "health on the public port");
            assertEquals(404, get(service.url() + "/q/metrics").statusCode(), "metrics on the public port");
            assertEquals(200, get(service.url() + "/q/openapi").statusCode(), "the API document stays public");

            service.stop();
            List<String> complaints = new ArrayList<>();
            int searchNotices = 0;
            for (String line : lines(service.output())) {
                if (!line.startsWith("{")) {
                    complaints.add(line);
                    continue;
                }
                JsonNode record = JSON.readTree(line);
                String level = record.path("level").asText();
                boolean searchNotice = record.path("message").asText().startsWith("Web search is not configured");
                if ((level.equals("WARN") || level.equals("ERROR")) && !searchNotice) {
                    complaints.add(line);
                }
                searchNotices += searchNotice ? 1 : 0;
            }
            assertEquals(List.of(), complaints, "only JSON log lines, no WARN or ERROR but the web search notice");
            assertEquals(1, searchNotices, "start-up says once that web search is not configured");
            assertTrue(service.output().contains("Listening on: http://0.0.0.0:" + service.port()), service.output());
            assertTrue(
                    service.output().contains("Registered " + BuiltinTools.NAMES.size() + " tools in "),
                    "the registry the build wrote was read");
        } finally {
            redis.stop();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isReady(ServiceProcess service) {
        try {
            return get(service.managementUrl() + "/q/health/ready").statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String output) {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Caused by"), "no stack trace:\n" + output);
        assertFalse(output.contains("Failed to start application"), "no start-up failure log:\n" + output);
    }
}
