package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./mvnw quarkus:dev} as a developer runs it, on a copy of this project (pom, wrapper and main sources) in
 * {@code target/}, so a test can edit sources and watch live reload without touching the working tree. Its output goes
 * to {@code dev-mode.log} in the copy, kept as {@code target/dev-mode.log} once it stops. Tests are not compiled there, and the formatting check is skipped: neither is
 * part of what dev mode serves.
 */
public final class DevModeProcess implements AutoCloseable {

    private static final List<String> COPIED = List.of("pom.xml", "mvnw", ".mvn", "src/main", "src/build");

    private final Path project;
    private final int port = FreePorts.one();
    private Process process;

    private DevModeProcess(Path project) {
        this.project = project;
    }

    /** Copies the project, starts dev mode and waits until it is ready, at most {@code limit}. */
    public static DevModeProcess start(Duration limit) throws IOException {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dev-mode-");
        for (String name : COPIED) {
            copy(Path.of(name), project.resolve(name));
        }
        DevModeProcess dev = new DevModeProcess(project);
        dev.launch();
        dev.awaitReady(limit);
        return dev;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the copy's application sources are: a test writes its changes here. */
    public Path sources() {
        return project.resolve("src/main/java");
    }

    /** Everything dev mode (Maven and the application) printed so far. */
    public String output() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The last lines of the output, for a failure message. */
    public String tail() {
        List<String> lines = output().lines().toList();
        return "--- the last lines of " + log() + " ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Maven and the application JVM it forked, keeps the log as {@code target/dev-mode.log}, deletes the copy. */
    @Override
    public void close() throws IOException {
        if (process != null) {
            List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .toList();
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
        if (Files.exists(log())) {
            Files.move(log(), Path.of("target", "dev-mode.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(project)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        "./mvnw",
                        "-B",
                        "quarkus:dev",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-Ddebug=false", // no debugger port: it could be taken
                        "-Dquarkus.console.enabled=false", // no terminal: no key bindings
                        "-Dquarkus.test.continuous-testing=disabled",
                        "-Dquarkus.analytics.disabled=true", // never asks the usage question
                        "-Dmaven.test.skip=true",
                        "-Dspotless.check.skip=true",
                        "-Dswitchboard.weather.provider=offline")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile());
        // the machine's settings never decide a test's verdict
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("SWITCHBOARD_")
                        || name.startsWith("QUARKUS_")
                        || name.startsWith("REDIS_")
                        || name.startsWith("JAVA_TOOL_OPTIONS"));
        process = builder.start();
    }

    private void awaitReady(Duration limit) {
        Await.until(limit, () -> "dev mode was not ready within " + limit.toSeconds() + " s\n" + tail(), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("dev mode exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(url() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(5000);
                return connection.getResponseCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
    }

    private Path log() {
        return project.resolve("dev-mode.log");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
