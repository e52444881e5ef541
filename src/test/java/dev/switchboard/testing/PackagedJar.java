package dev.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a user starts it: {@code java -jar} with the
 * production profile and only the environment the test gives, so settings of the machine running the build
 * ({@code SWITCHBOARD_*}, {@code QUARKUS_*}, {@code REDIS_URL}, ...) never leak into a test's verdict.
 */
public final class PackagedJar {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private PackagedJar() {}

    /** What one run printed and how it ended. */
    public record Exit(int code, String output) {}

    /** The command for the jar, its output (stdout and stderr) appended to {@code log}. */
    static ProcessBuilder command(Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: tests of the packaged service run after `./mvnw package`" + " (verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        // The first JIT tier only: a test replica lives seconds, and its start-up costs about 40 %
                        // less CPU without the optimising compiler (the tests start about 15 of them on 2 cores).
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(PackagedJar::isSetting);
        builder.environment().putAll(environment);
        return builder;
    }

    /** Starts the jar and waits for it to exit, at most {@code limit}; the test fails on a jar that keeps running. */
    public static Exit runToExit(Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(Path.of("target"), "first-run-", ".log");
        Process process = command(environment, log).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "the packaged jar was still running after " + limit + ":\n" + Files.readString(log));
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    private static boolean isSetting(String variable) {
        return variable.startsWith("SWITCHBOARD_")
                || variable.startsWith("QUARKUS_")
                || variable.startsWith("REDIS_")
                || variable.startsWith("OPENAI_")
                || variable.startsWith("OTEL_")
                || variable.startsWith("JAVA_TOOL_OPTIONS");
    }
}
