package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a private {@code redis-server} on a free loopback port for the tests, with persistence off, and stops it
 * afterwards. Tests never touch a Redis they did not start.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private Process process;
    private Path workDir;
    private int port;
    private List<String> extraArguments = List.of();

    /** A server that replicates {@code master} ({@code --replicaof}), started by {@link #start()}. */
    public static RedisServerResource replicaOf(RedisServerResource master) {
        RedisServerResource replica = new RedisServerResource();
        replica.extraArguments = List.of("--replicaof", "127.0.0.1", Integer.toString(master.port));
        return replica;
    }

    /** Freezes the process (SIGSTOP), as a server that stopped answering; {@link #resume()} thaws it. */
    public void pause() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        launch();
        return Map.of("quarkus.redis.hosts", url());
    }

    /** The Redis URL of the running server. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk). */
    public void restart() {
        stop();
        launch();
    }

    private void launch() {
        String binary = findBinary();
        try {
            workDir = Files.createTempDirectory("switchboard-redis");
            List<String> command = new ArrayList<>(List.of(
                    binary,
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    workDir.toString()));
            command.addAll(extraArguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + binary, e);
        }
        awaitPong(port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String known : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (new File(known).canExecute()) {
                return known;
            }
        }
        throw new IllegalStateException("redis-server is not installed, and the tests need a real Redis. Install it"
                + " (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or run scripts/test.sh,"
                + " which installs it when missing");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for redis-server", e);
        }
    }

    private void awaitPong(int port) {
        Await.until(
                Duration.ofSeconds(10),
                () -> "redis-server did not answer PING on port " + port + " within 10 s",
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see "
                                + workDir.resolve("redis.log"));
                    }
                    return answersPing(port);
                });
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            return in.readNBytes(reply, 0, 7) == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
