package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a private {@code redis-server} on a free loopback port for the tests, with persistence off, and stops it
 * afterwards. Tests never touch a Redis they did not start. The cluster and Sentinel topologies are
 * {@link RedisClusterServers} and {@link RedisSentinelServers}.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private RedisProcess process;
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
        process.signal("-STOP");
    }

    public void resume() {
        process.signal("-CONT");
    }

    @Override
    public Map<String, String> start() {
        port = RedisProcess.freePorts(1, 0)[0];
        launch();
        return Map.of("quarkus.redis.hosts", url());
    }

    /** The Redis URL of the running server. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The running server's process. */
    public RedisProcess process() {
        return process;
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk). */
    public void restart() {
        stop();
        launch();
    }

    private void launch() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("switchboard-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(RedisProcess.serverArguments(port, workDir));
        arguments.addAll(extraArguments);
        process = RedisProcess.start("redis", workDir, port, arguments);
        process.awaitPong(Duration.ofSeconds(10));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
