package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Redis with Sentinel, started by the tests: a master, a replica of it ({@code --replicaof}) and three sentinels
 * ({@code redis-server <conf> --sentinel}) monitoring it as {@value #MASTER_NAME} with a quorum of 2. Started at most
 * once per test JVM, on first use ({@link #get()}), shared by every test class, stopped when the JVM exits.
 * Persistence is off; the sentinels' configuration files (which they rewrite) and the logs are under
 * {@code target/redis/sentinel-*}. The failure detection is short, so a test that stops the master sees the replica
 * promoted within a few seconds.
 */
public final class RedisSentinelServers {

    public static final String MASTER_NAME = "switchboard";
    public static final int SENTINELS = 3;
    public static final int QUORUM = 2;

    /** How long the master may not answer before a sentinel counts it as down (subjectively). */
    public static final Duration DOWN_AFTER = Duration.ofSeconds(2);

    /** How long a failover may take before another sentinel may retry it (and the same one after twice as long). */
    public static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private static RedisSentinelServers started;

    private final Path dir;
    private final RedisProcess master;
    private final RedisProcess replica;
    private final List<RedisProcess> sentinels = new ArrayList<>();
    private final Duration startUp;

    private RedisSentinelServers() {
        Instant begin = Instant.now();
        dir = RedisProcess.directory("sentinel-");
        int[] ports = RedisProcess.freePorts(2 + SENTINELS, 0);
        List<RedisProcess> all = new ArrayList<>();
        try {
            master = RedisProcess.start(
                    "master-" + ports[0],
                    dir.resolve("master"),
                    ports[0],
                    RedisProcess.serverArguments(ports[0], dir.resolve("master")));
            all.add(master);
            List<String> replicaArguments =
                    new ArrayList<>(RedisProcess.serverArguments(ports[1], dir.resolve("replica")));
            replicaArguments.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(ports[0])));
            replica = RedisProcess.start("replica-" + ports[1], dir.resolve("replica"), ports[1], replicaArguments);
            all.add(replica);
            master.awaitPong(Duration.ofSeconds(10));
            replica.awaitPong(Duration.ofSeconds(10));
            for (int i = 0; i < SENTINELS; i++) {
                int port = ports[2 + i];
                Path sentinelDir = dir.resolve("sentinel-" + port);
                Path conf = writeConf(sentinelDir, port, master.port());
                RedisProcess sentinel = RedisProcess.start(
                        "sentinel-" + port, sentinelDir, port, List.of(conf.toString(), "--sentinel"));
                sentinels.add(sentinel);
                all.add(sentinel);
            }
            for (RedisProcess sentinel : sentinels) {
                sentinel.awaitPong(Duration.ofSeconds(10));
            }
            awaitHealthy(START_LIMIT.minus(Duration.between(begin, Instant.now())));
        } catch (RuntimeException | Error e) {
            all.forEach(RedisProcess::stop); // the logs stay, for the failure message
            throw e;
        }
        startUp = Duration.between(begin, Instant.now());
    }

    /** The setup, started on first call; later calls return the same one. */
    public static synchronized RedisSentinelServers get() {
        if (started == null) {
            RedisSentinelServers setup = new RedisSentinelServers();
            Runtime.getRuntime().addShutdownHook(new Thread(setup::stop, "redis-sentinel-stop"));
            started = setup;
        }
        return started;
    }

    /** The server started as the master (after a failover it is the replica, or gone). */
    public RedisProcess master() {
        return master;
    }

    /** The server started as the replica. */
    public RedisProcess replica() {
        return replica;
    }

    public List<RedisProcess> sentinels() {
        return List.copyOf(sentinels);
    }

    /** The port of the master the sentinels name now ({@code SENTINEL get-master-addr-by-name}), from a live one. */
    public int currentMasterPort() {
        for (RedisProcess sentinel : sentinels) {
            if (sentinel.alive()) {
                try {
                    List<?> address = (List<?>) sentinel.call("SENTINEL", "get-master-addr-by-name", MASTER_NAME);
                    return Integer.parseInt((String) address.get(1));
                } catch (RuntimeException e) {
                    // try the next sentinel
                }
            }
        }
        throw new IllegalStateException("No sentinel names a master for " + MASTER_NAME);
    }

    /** What {@code quarkus.redis.hosts} lists: the sentinels, never the servers (the master moves on failover). */
    public String hosts() {
        return sentinels.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    /** The Quarkus configuration a user would write for this setup. */
    public Map<String, String> quarkusConfig() {
        return quarkusConfig(hosts(), MASTER_NAME);
    }

    /**
     * The Quarkus configuration of Redis with Sentinel, {@code hosts} listing the sentinels: what these tests connect
     * with, and what {@code deploy/examples/redis-sentinel} sets ({@code ManifestsTest} compares them).
     */
    public static Map<String, String> quarkusConfig(String hosts, String masterName) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.redis.client-type", "sentinel");
        config.put("quarkus.redis.hosts", hosts);
        config.put("quarkus.redis.master-name", masterName);
        config.put("quarkus.redis.role", "master");
        return config;
    }

    /** The same, as options for a Vert.x Redis client built by hand (plain JUnit tests). */
    public RedisOptions options() {
        RedisOptions options = new RedisOptions()
                .setType(RedisClientType.SENTINEL)
                .setMasterName(MASTER_NAME)
                .setRole(RedisRole.MASTER);
        sentinels.forEach(sentinel -> options.addConnectionString(sentinel.url()));
        return options;
    }

    /** How long start-up took, from the first process to sentinels that know each other and the replica. */
    public Duration startUp() {
        return startUp;
    }

    private static Path writeConf(Path dir, int port, int masterPort) {
        String conf = String.join(
                "\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " " + QUORUM,
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT.toMillis(),
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                "");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("sentinel.conf");
            Files.writeString(file, conf, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The replica's link is up, and every sentinel names the master, knows the replica and the two other sentinels
     * (they find each other through the master's hello channel, every 2 s): ready for a failover.
     */
    private void awaitHealthy(Duration limit) {
        Await.until(
                limit,
                () -> "Redis Sentinel was not ready within " + START_LIMIT.toSeconds() + " s: " + describe(),
                () -> {
                    List<RedisProcess> all = new ArrayList<>(List.of(master, replica));
                    all.addAll(sentinels);
                    for (RedisProcess process : all) {
                        if (!process.alive()) {
                            throw new IllegalStateException(process.name() + " exited" + process.logTail());
                        }
                    }
                    try {
                        if (!"up"
                                .equals(RedisProcess.field(
                                        replica.call("INFO", "replication"), "master_link_status"))) {
                            return false;
                        }
                        for (RedisProcess sentinel : sentinels) {
                            Map<String, String> state = sentinelState(sentinel);
                            if (!"master".equals(state.get("flags"))
                                    || !Integer.toString(master.port()).equals(state.get("port"))
                                    || !"1".equals(state.get("num-slaves"))
                                    || !Integer.toString(SENTINELS - 1).equals(state.get("num-other-sentinels"))) {
                                return false;
                            }
                        }
                        return true;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
    }

    private static Map<String, String> sentinelState(RedisProcess sentinel) {
        List<?> fields = (List<?>) sentinel.call("SENTINEL", "master", MASTER_NAME);
        Map<String, String> state = new HashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            state.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
        }
        return state;
    }

    private String describe() {
        StringBuilder state = new StringBuilder();
        try {
            state.append("\n  ")
                    .append(replica.name())
                    .append(": master link ")
                    .append(RedisProcess.field(replica.call("INFO", "replication"), "master_link_status"));
        } catch (RuntimeException e) {
            state.append("\n  ").append(replica.name()).append(": ").append(e.getMessage());
        }
        for (RedisProcess sentinel : sentinels) {
            state.append("\n  ").append(sentinel.name()).append(": ");
            try {
                Map<String, String> fields = sentinelState(sentinel);
                state.append("flags ")
                        .append(fields.get("flags"))
                        .append(", master port ")
                        .append(fields.get("port"))
                        .append(", replicas ")
                        .append(fields.get("num-slaves"))
                        .append(", other sentinels ")
                        .append(fields.get("num-other-sentinels"));
            } catch (RuntimeException e) {
                state.append(e.getMessage());
            }
        }
        return state + "\n  logs in " + dir;
    }

    private void stop() {
        sentinels.forEach(RedisProcess::stop); // first, so they start no failover while the servers stop
        replica.stop();
        master.stop();
        RedisProcess.delete(dir);
    }

    /**
     * The Sentinel setup for a {@code @QuarkusTest}: the application connects with {@link #quarkusConfig()}, as a user's
     * would. Stopping the test application leaves the servers to the other test classes; the JVM's exit stops them.
     */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return get().quarkusConfig();
        }

        @Override
        public void stop() {}
    }
}
