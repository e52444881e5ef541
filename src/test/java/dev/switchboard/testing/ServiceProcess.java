package dev.switchboard.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process on a loopback port: a
 * replica for multi-instance tests. Its output goes to {@code target/replica-<port>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final int managementPort = freePort();
    private final Map<String, String> environment;
    private Process process;

    private ServiceProcess(int port, Map<String, String> environment) {
        this.port = port;
        this.environment = environment;
    }

    /**
     * Starts a replica using the given Redis and waits until it is live. Its weather is offline: the packaged
     * application runs without the test profile, and these tests must not reach the internet.
     */
    public static ServiceProcess start(int port, String redisUrl) {
        return start(port, redisUrl, Map.of());
    }

    /** As {@link #start(int, String)}, with more environment variables (settings) for the replica. */
    public static ServiceProcess start(int port, String redisUrl, Map<String, String> settings) {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("REDIS_URL", redisUrl);
        environment.put("SWITCHBOARD_WEATHER_PROVIDER", "offline");
        ServiceProcess service = new ServiceProcess(port, environment);
        service.launch();
        return service;
    }

    /**
     * Starts the jar with these settings alone (and its two ports), as a user following the docs would, and waits
     * until it is live.
     */
    public static ServiceProcess startWith(Map<String, String> settings) {
        ServiceProcess service = new ServiceProcess(freePort(), Map.copyOf(settings));
        service.launch();
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface (health, metrics), on a port of its own as in production. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** SIGTERM, then a normal shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            await(process);
        }
    }

    /** Sends SIGTERM and returns at once, so a test can watch the shutdown. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit; false when it is still running after {@code limit}. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int port() {
        return port;
    }

    /** Everything the replica printed so far, over all its starts. */
    public String output() throws IOException {
        return Files.readString(log());
    }

    private Path log() {
        return Path.of("target", "replica-" + port + ".log");
    }

    /** SIGKILL: the process dies mid-work, as in a crash. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            await(process);
        }
    }

    /** Stops the replica and starts it again on the same port. */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        kill();
    }

    private void launch() {
        Map<String, String> settings = new java.util.HashMap<>();
        // The packaged jar runs the production profile, where authorization is on; tests that want it say so.
        settings.put("SWITCHBOARD_AUTH_ENABLED", "false");
        settings.putAll(environment);
        settings.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        settings.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            process = PackagedJar.command(settings, log()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + PackagedJar.JAR, e);
        }
        awaitLive();
    }

    private void awaitLive() {
        Await.until(Duration.ofSeconds(60), () -> "The replica on port " + port + " was not live within 60 s", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The replica on port " + port + " exited with " + process.exitValue()
                        + "; see target/replica-" + port + ".log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(managementUrl() + "/q/health/live").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                return connection.getResponseCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
    }

    private static void await(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A free loopback port (see {@link FreePorts}). */
    public static int freePort() {
        return FreePorts.one();
    }
}
