package dev.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load generator of scripts/bench.sh, a process of its own: drives one scenario at several concurrency levels
 * against a running service and appends one JSON line per level to the results file.
 *
 * <pre>
 * LoadGenerator --url http://127.0.0.1:8080/mcp --scenario tools-call --connections 1,16,64,256
 *               --warmup 3 --duration 10 [--redis-port 6379] [--pid 1234] [--tag store=redis]... --out results.jsonl
 *               [--delete-status 204] [--per-second true]
 * </pre>
 *
 * {@code --delete-status}: what a session's DELETE must answer (the Quarkiverse server answers 200);
 * {@code --per-second true}: the line also lists the operations that succeeded in each second from the first one,
 * warm-up included ({@code opsEachSecond}), for a fresh process's time to peak (scripts/bench-peers.sh).
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        URI url = URI.create(one(options, "url"));
        String scenarioName = one(options, "scenario");
        Scenario scenario = McpScenarios.byName(
                scenarioName,
                Integer.parseInt(
                        options.getOrDefault("delete-status", List.of("204")).get(0)));
        boolean perSecond = Boolean.parseBoolean(
                options.getOrDefault("per-second", List.of("false")).get(0));
        List<Integer> levels = new ArrayList<>();
        for (String level : one(options, "connections").split(",")) {
            levels.add(Integer.parseInt(level.trim()));
        }
        Duration warmup = Duration.ofMillis((long) (Double.parseDouble(one(options, "warmup")) * 1000));
        Duration window = Duration.ofMillis((long) (Double.parseDouble(one(options, "duration")) * 1000));
        int redisPort = Integer.parseInt(
                options.getOrDefault("redis-port", List.of("0")).get(0));
        long pid = Long.parseLong(options.getOrDefault("pid", List.of("0")).get(0));
        int threads = Integer.parseInt(
                options.getOrDefault("client-threads", List.of("1")).get(0));
        Path out = Path.of(one(options, "out"));
        ServiceProbe probe = new ServiceProbe(redisPort, pid);

        Vertx vertx =
                Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads).setWorkerPoolSize(1));
        try {
            for (int connections : levels) {
                HttpClient http = vertx.createHttpClient(
                        new HttpClientOptions()
                                .setDefaultHost(url.getHost())
                                .setDefaultPort(url.getPort())
                                .setKeepAlive(true)
                                .setPipelining(false)
                                .setTcpNoDelay(true),
                        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
                McpClient client = new McpClient(http, url.getPath());
                ObjectNode line =
                        measure(scenarioName, scenario, vertx, client, connections, warmup, window, probe, perSecond);
                options.getOrDefault("tag", List.of()).forEach(tag -> {
                    int eq = tag.indexOf('=');
                    line.put(tag.substring(0, eq), tag.substring(eq + 1));
                });
                Files.writeString(
                        out,
                        JSON.writeValueAsString(line) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.out.printf(
                        "%-15s c=%-4d %,10.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d  redis/op %s%n",
                        scenarioName,
                        connections,
                        line.get("opsPerSecond").asDouble(),
                        line.path("latencyMs").path("p50").asDouble(),
                        line.path("latencyMs").path("p99").asDouble(),
                        line.path("latencyMs").path("p999").asDouble(),
                        line.get("errors").asLong(),
                        line.path("redisCommandsPerOperation").asText("-"));
                http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static ObjectNode measure(
            String name,
            Scenario scenario,
            Vertx vertx,
            McpClient client,
            int connections,
            Duration warmup,
            Duration window,
            ServiceProbe probe,
            boolean perSecond)
            throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ServiceProbe.Snapshot[] edges = new ServiceProbe.Snapshot[2];
        long[] requests = new long[2];
        long[] ownCpu = new long[2];
        long[] wall = new long[2];
        long[] rssKib = new long[1];
        ClosedLoop.Window result = new ClosedLoop(vertx, client, scenario, connections)
                .run(
                        warmup,
                        window,
                        () -> {
                            // cheap counters first, at the window's edge; then the probes that take a round trip
                            wall[0] = System.nanoTime();
                            requests[0] = client.requests.sum();
                            ownCpu[0] = os.getProcessCpuTime();
                            edges[0] = probe.snapshot();
                            probe.resetPeakRss();
                        },
                        () -> {
                            wall[1] = System.nanoTime();
                            ownCpu[1] = os.getProcessCpuTime();
                            requests[1] = client.requests.sum();
                            edges[1] = probe.snapshot();
                            rssKib[0] = probe.rssKib();
                        });
        double seconds = (wall[1] - wall[0]) / 1e9;
        long ops = result.operations();
        // Costs are per finished operation, failed ones included: they cost requests, Redis commands and CPU too.
        long finished = ops + result.errors();

        ObjectNode line = JSON.createObjectNode();
        line.put("type", "load");
        line.put("scenario", name);
        line.put("connections", connections);
        line.put("warmupSeconds", warmup.toMillis() / 1000.0);
        line.put("seconds", round(seconds, 2));
        line.put("operations", ops);
        line.put("opsPerSecond", round(ops / seconds, 1));
        line.put("requestsPerOperation", finished == 0 ? 0 : round((double) (requests[1] - requests[0]) / finished, 2));
        line.put("errors", result.errors());
        ObjectNode reasons = line.putObject("errorReasons");
        result.errorReasons().forEach(reasons::put);
        Histogram h = result.latency();
        ObjectNode latency = line.putObject("latencyMs");
        latency.put("p50", millis(h.getValueAtPercentile(50)));
        latency.put("p90", millis(h.getValueAtPercentile(90)));
        latency.put("p99", millis(h.getValueAtPercentile(99)));
        latency.put("p999", millis(h.getValueAtPercentile(99.9)));
        latency.put("max", millis(h.getMaxValue()));
        latency.put("mean", round(h.getMean() / 1000.0, 3));
        Map<String, Long> commands = ServiceProbe.delta(edges[0].redisCalls(), edges[1].redisCalls());
        commands.remove("info"); // the probe's own
        ObjectNode redis = line.putObject("redisCommands");
        commands.forEach(redis::put);
        long total = commands.values().stream().mapToLong(Long::longValue).sum();
        if (!edges[0].redisCalls().isEmpty() && finished > 0) {
            line.put("redisCommandsPerOperation", round((double) total / finished, 2));
        }
        if (edges[0].cpuTicks() >= 0 && edges[1].cpuTicks() >= 0) {
            long cpuMillis = (edges[1].cpuTicks() - edges[0].cpuTicks()) * CLOCK_TICK_MILLIS;
            line.put("serviceCpuPercent", round(100.0 * cpuMillis / 1000 / seconds, 0));
            if (finished > 0) {
                line.put("serviceCpuMicrosPerOperation", round(cpuMillis * 1000.0 / finished, 0));
            }
        }
        line.put("loadGeneratorCpuPercent", round(100.0 * (ownCpu[1] - ownCpu[0]) / 1e9 / seconds, 0));
        line.put("peakRssMiB", probe.peakRssKib() < 0 ? -1 : round(probe.peakRssKib() / 1024.0, 0));
        line.put("rssMiBAtEnd", rssKib[0] < 0 ? -1 : round(rssKib[0] / 1024.0, 0));
        if (perSecond) {
            ArrayNode each = line.putArray("opsEachSecond");
            for (long count : result.perSecond()) {
                each.add(count);
            }
        }
        return line;
    }

    private static double millis(long micros) {
        return round(micros / 1000.0, 3);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>())
                    .add(args[++i]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return values.get(0);
    }
}
