package dev.switchboard.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of 3 masters with a replica each, started by the tests: six {@code redis-server --cluster-enabled
 * yes} processes on free loopback ports, joined with {@code redis-cli --cluster create --cluster-replicas 1}. Started
 * at most once per test JVM, on first use ({@link #get()}), shared by every test class, stopped when the JVM exits.
 * Persistence is off; the nodes' state files and logs are under {@code target/redis/cluster-*}.
 */
public final class RedisClusterServers {

    public static final int MASTERS = 3;
    public static final int NODES = MASTERS * 2;

    /**
     * How long a node may not answer before the others count it as failing (the default is 15 s): short, so a test
     * that stops a master sees its replica promoted within a few seconds.
     */
    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int BUS_OFFSET = 10_000;

    private static RedisClusterServers started;

    private final Path dir;
    private final List<RedisProcess> nodes = new ArrayList<>();
    private final Duration startUp;

    private RedisClusterServers() {
        Instant begin = Instant.now();
        dir = RedisProcess.directory("cluster-");
        try {
            for (int port : RedisProcess.freePorts(NODES, BUS_OFFSET)) {
                Path nodeDir = dir.resolve(Integer.toString(port));
                List<String> arguments = new ArrayList<>(RedisProcess.serverArguments(port, nodeDir));
                arguments.addAll(List.of(
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        "nodes.conf",
                        "--cluster-node-timeout",
                        Long.toString(NODE_TIMEOUT.toMillis())));
                nodes.add(RedisProcess.start("cluster-node-" + port, nodeDir, port, arguments));
            }
            for (RedisProcess node : nodes) {
                node.awaitPong(Duration.ofSeconds(10));
            }
            create();
            awaitHealthy(START_LIMIT.minus(Duration.between(begin, Instant.now())));
        } catch (RuntimeException | Error e) {
            nodes.forEach(RedisProcess::stop); // the logs stay, for the failure message
            throw e;
        }
        startUp = Duration.between(begin, Instant.now());
    }

    /** The cluster, started on first call; later calls return the same one. */
    public static synchronized RedisClusterServers get() {
        if (started == null) {
            RedisClusterServers cluster = new RedisClusterServers();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "redis-cluster-stop"));
            started = cluster;
        }
        return started;
    }

    /** The six nodes, in the order they were given to {@code --cluster create}. */
    public List<RedisProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** The nodes that are masters now (their roles change after a failover). */
    public List<RedisProcess> masters() {
        return nodes.stream()
                .filter(RedisProcess::alive)
                .filter(node -> "master".equals(RedisProcess.field(node.call("INFO", "replication"), "role")))
                .toList();
    }

    /** What {@code quarkus.redis.hosts} lists: every node (the client learns the slots from any of them). */
    public String hosts() {
        return nodes.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    /** The Quarkus configuration a user would write for this cluster. */
    public Map<String, String> quarkusConfig() {
        return quarkusConfig(hosts());
    }

    /**
     * The Quarkus configuration of a Redis Cluster of which {@code hosts} lists some nodes: what these tests connect
     * with, and what {@code deploy/examples/redis-cluster} sets ({@code ManifestsTest} compares them).
     */
    public static Map<String, String> quarkusConfig(String hosts) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.redis.client-type", "cluster");
        config.put("quarkus.redis.hosts", hosts);
        return config;
    }

    /** The same, as options for a Vert.x Redis client built by hand (plain JUnit tests). */
    public RedisOptions options() {
        RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER);
        nodes.forEach(node -> options.addConnectionString(node.url()));
        return options;
    }

    /** How long start-up took, from the first process to a healthy cluster. */
    public Duration startUp() {
        return startUp;
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of(RedisProcess.binary("redis-cli"), "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Path log = dir.resolve("cluster-create.log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish within 30 s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "redis-cli --cluster create failed with " + process.exitValue() + ":\n" + read(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every node says {@code cluster_state:ok} and sees the six nodes healthy, three masters with slots and three
     * replicas of them ({@code CLUSTER NODES}); every replica's link to its master is up: ready for a failover.
     * ({@code CLUSTER SLOTS} lists a replica only seconds later, once the master has heard of its replication offset.)
     */
    private void awaitHealthy(Duration limit) {
        Await.until(
                limit,
                () -> "The Redis Cluster was not healthy within " + START_LIMIT.toSeconds() + " s: " + describe(),
                () -> nodes.stream().allMatch(RedisClusterServers::healthy));
    }

    private static boolean healthy(RedisProcess node) {
        if (!node.alive()) {
            throw new IllegalStateException(node.name() + " exited" + node.logTail());
        }
        try {
            Object info = node.call("CLUSTER", "INFO");
            if (!"ok".equals(RedisProcess.field(info, "cluster_state"))
                    || !Integer.toString(NODES).equals(RedisProcess.field(info, "cluster_known_nodes"))) {
                return false;
            }
            int masters = 0;
            int replicas = 0;
            for (String line : ((String) node.call("CLUSTER", "NODES")).split("\n")) {
                String[] fields = line.trim().split(" ");
                String flags = fields[2];
                if (flags.contains("fail") || flags.contains("handshake") || flags.contains("noaddr")) {
                    return false;
                }
                if (flags.contains("master") && fields.length > 8) {
                    masters++; // a master serving slots
                } else if (flags.contains("slave") && !"-".equals(fields[3])) {
                    replicas++;
                }
            }
            if (masters != MASTERS || replicas != MASTERS) {
                return false;
            }
            Object replication = node.call("INFO", "replication");
            return "master".equals(RedisProcess.field(replication, "role"))
                    || "up".equals(RedisProcess.field(replication, "master_link_status"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String describe() {
        StringBuilder state = new StringBuilder();
        for (RedisProcess node : nodes) {
            state.append("\n  ").append(node.name()).append(": ");
            try {
                Object info = node.call("CLUSTER", "INFO");
                Object replication = node.call("INFO", "replication");
                state.append("cluster_state ")
                        .append(RedisProcess.field(info, "cluster_state"))
                        .append(", known nodes ")
                        .append(RedisProcess.field(info, "cluster_known_nodes"))
                        .append(", role ")
                        .append(RedisProcess.field(replication, "role"))
                        .append(", master link ")
                        .append(RedisProcess.field(replication, "master_link_status"));
            } catch (RuntimeException e) {
                state.append(e.getMessage());
            }
        }
        return state + "\n  logs in " + dir;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        nodes.forEach(RedisProcess::stop);
        RedisProcess.delete(dir);
    }

    /**
     * The cluster for a {@code @QuarkusTest}: the application connects with {@link #quarkusConfig()}, as a user's
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
