package dev.switchboard.testing;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code redis-server} process the tests started (a plain server, a cluster node or a sentinel) on a loopback
 * port, with its own directory and log, plus a minimal RESP client to ask it things while the Quarkus client is not
 * involved (start-up checks, a node's own {@code PUBSUB} counts). Persistence is left to the caller's arguments.
 */
public final class RedisProcess {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private RedisProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code redis-server} with {@code arguments} (a config file first, if any, then {@code --option value}
     * pairs), writing its output to {@code <dir>/<name>.log}. Returns at once; {@link #awaitPong} waits for it.
     */
    public static RedisProcess start(String name, Path dir, int port, List<String> arguments) {
        String binary = binary("redis-server");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments);
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RedisProcess(name, port, log, process);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + binary + " for " + name, e);
        }
    }

    /** The usual arguments of a test server: loopback only, nothing written to disk but what the caller adds. */
    public static List<String> serverArguments(int port, Path dir) {
        return List.of(
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                // replicas get their first copy at once instead of after the default 5 s (diskless, no RDB file)
                "--repl-diskless-sync-delay",
                "0");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until the process answers {@code PING}, failing with its log's end when it exits or times out. */
    public void awaitPong(Duration limit) {
        Await.until(
                limit,
                () -> name + " did not answer PING on port " + port + " within " + limit.toSeconds() + " s" + logTail(),
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                name + " exited with " + process.exitValue() + " on port " + port + logTail());
                    }
                    return answersPing();
                });
    }

    /** Sends a signal ({@code -STOP}, {@code -CONT}, ...) to the process. */
    public void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process (SIGTERM; SIGKILL after 5 s) and waits for it. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends one command and returns the reply: a {@link String} (simple or bulk string), a {@link Long}, a
     * {@link List} of replies, or null. An error reply is thrown as an {@link IllegalStateException}.
     */
    public Object call(String... command) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) CALL_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder request =
                    new StringBuilder().append('*').append(command.length).append("\r\n");
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.append('$')
                        .append(bytes.length)
                        .append("\r\n")
                        .append(part)
                        .append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** A field of {@code INFO <section>} (or of {@code CLUSTER INFO}: same format), or null. */
    public static String field(Object info, String name) {
        for (String line : String.valueOf(info).split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The last lines of the log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; the end of " + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "; see " + log;
        }
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(call("PING"));
        } catch (RuntimeException e) {
            return false; // not listening yet, or still loading
        }
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    try {
                        items.add(read(in));
                    } catch (IllegalStateException error) {
                        items.add(error); // an error inside an array (EXEC) is a value, not the reply's failure
                    }
                }
                return items;
            }
            default:
                throw new IOException("Unexpected RESP type " + (char) type + " " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read(); // '\n'
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("Connection closed mid-reply");
    }

    /** Finds a Redis binary ({@code redis-server}, {@code redis-cli}) on the PATH or where packages put it. */
    public static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String known : List.of("/usr/bin/" + name, "/usr/local/bin/" + name)) {
            if (new File(known).canExecute()) {
                return known;
            }
        }
        throw new IllegalStateException(name + " is not installed, and the tests need a real Redis. Install it"
                + " (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or run scripts/test.sh,"
                + " which installs it when missing");
    }

    /**
     * {@code count} distinct free loopback ports; with {@code busOffset > 0} each port plus the offset is free too (a
     * cluster node also listens on its port + 10000).
     */
    public static int[] freePorts(int count, int busOffset) {
        return FreePorts.take(count, busOffset);
    }

    /**
     * A fresh directory for one test topology: under {@code target/redis} when the tests run from the project (Maven
     * does), else the system's temporary directory.
     */
    public static Path directory(String prefix) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Path base = Files.createDirectories(target.resolve("redis"));
                return Files.createTempDirectory(base, prefix).toAbsolutePath();
            }
            return Files.createTempDirectory("switchboard-" + prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a topology's directory (logs, cluster and sentinel state files). */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for the next `mvn clean`
        }
    }
}
