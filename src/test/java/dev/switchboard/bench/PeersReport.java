package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The report of scripts/bench-peers.sh: Switchboard side by side with the Quarkiverse MCP server and a bare Quarkus
 * REST endpoint (the ceiling), from the JSON lines of one run. Load lines carry the tags {@code server} and
 * {@code case} (the scenario's label), the time-to-peak line also {@code phase=timeline}; start-up lines name the
 * server in {@code run}.
 *
 * <pre>PeersReport results.jsonl results.md</pre>
 */
public final class PeersReport {

    static final String QUARKIVERSE = "quarkiverse";
    static final String CEILING = "ceiling";
    static final String AOT = "switchboard-aot";
    /** A process reaches its peak when one second's throughput first comes to this share of its best second. */
    static final double PEAK_SHARE = 0.8;

    private PeersReport() {}

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[1]), markdown(BenchReport.read(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    static String markdown(List<ObjectNode> lines) {
        Map<String, List<ObjectNode>> loadRounds = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> timelineRounds = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> startupRounds = new LinkedHashMap<>();
        for (ObjectNode line : lines) {
            String type = line.path("type").asText();
            if ("startup".equals(type)) {
                startupRounds
                        .computeIfAbsent(line.path("run").asText(), k -> new ArrayList<>())
                        .add(line);
            } else if ("load".equals(type)
                    && "timeline".equals(line.path("phase").asText())) {
                timelineRounds
                        .computeIfAbsent(line.path("server").asText(), k -> new ArrayList<>())
                        .add(line);
            } else if ("load".equals(type)) {
                String key = line.path("server").asText()
                        + '|'
                        + line.path("case").asText()
                        + '|'
                        + line.path("connections").asInt();
                loadRounds.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
        }
        // With --rounds, each server ran several times: each figure is the median round's, with the range beside it.
        int rounds = loadRounds.values().stream().mapToInt(List::size).max().orElse(1);
        Map<ObjectNode, List<ObjectNode>> roundsOf = new IdentityHashMap<>();
        List<ObjectNode> loads = new ArrayList<>();
        for (List<ObjectNode> each : loadRounds.values()) {
            ObjectNode median = median(each, line -> line.path("opsPerSecond").asDouble());
            roundsOf.put(median, each);
            loads.add(median);
        }
        Map<String, ObjectNode> startups = new LinkedHashMap<>();
        startupRounds.forEach((server, each) ->
                startups.put(server, median(each, line -> line.path("millis").asDouble())));
        Map<String, ObjectNode> timelines = new LinkedHashMap<>();
        timelineRounds.forEach((server, each) -> timelines.put(server, median(each, PeersReport::peak)));
        Set<String> servers = new LinkedHashSet<>(startups.keySet());

        // side by side: by scenario, then level, then server in the order they ran
        List<String> order = new ArrayList<>(servers);
        loads.sort(Comparator.comparing((ObjectNode line) -> line.path("case").asText())
                .thenComparingInt(line -> line.path("connections").asInt())
                .thenComparingInt(line -> order.indexOf(line.path("server").asText())));

        StringBuilder md = new StringBuilder();
        md.append(BenchReport.runLine(lines))
                .append(" Each server pinned to CPU 1 (`taskset -c 1`, default JVM flags), the load generator to"
                        + " CPU 0. ops/s counts operations (a session cycle is 4 requests); req/s counts HTTP"
                        + " requests. RSS at the end of the window; CPU from `/proc/<pid>/stat` (10 ms ticks)."
                        + " The ratios divide ops/s by the Quarkiverse server's and the ceiling's at the same"
                        + " scenario and level.")
                .append(
                        servers.contains(AOT)
                                ? " " + AOT + " is the memory store on a JDK 25 with the AOT cache of"
                                        + " `scripts/package-aot.sh` (`-XX:AOTCache`), every other server on the JDK"
                                        + " above."
                                : "")
                .append(
                        rounds > 1
                                ? " Each server ran " + rounds + " times, one after the other in turn: each row is"
                                        + " its median round (by ops/s, and by the time to the first 200 and the"
                                        + " peak below); the last column gives the range of ops/s over the rounds.\n\n"
                                : "\n\n");
        md.append("| Scenario | Conns | Server | ops/s | req/s | p50 ms | p99 ms | Errors | RSS MiB | CPU µs/op"
                + " | × Quarkiverse | × ceiling |" + (rounds > 1 ? " ops/s range |\n" : "\n"));
        md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
                + (rounds > 1 ? " --- |\n" : "\n"));
        for (ObjectNode line : loads) {
            double ops = line.path("opsPerSecond").asDouble();
            JsonNode latency = line.path("latencyMs");
            md.append("| ")
                    .append(line.path("case").asText(line.path("scenario").asText()))
                    .append(" | ")
                    .append(line.path("connections").asInt())
                    .append(" | ")
                    .append(line.path("server").asText())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", ops))
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT,
                            "%,.0f",
                            ops * line.path("requestsPerOperation").asDouble()))
                    .append(" | ")
                    .append(BenchReport.ms(latency.path("p50")))
                    .append(" | ")
                    .append(BenchReport.ms(latency.path("p99")))
                    .append(" | ")
                    .append(line.path("errors").asLong())
                    .append(" | ")
                    .append(whole(line.path("rssMiBAtEnd")))
                    .append(" | ")
                    .append(whole(line.path("serviceCpuMicrosPerOperation")))
                    .append(" | ")
                    .append(ratio(ops, peer(loads, line, QUARKIVERSE)))
                    .append(" | ")
                    .append(ratio(ops, peer(loads, line, CEILING)))
                    .append(rounds > 1 ? " | " + range(roundsOf.get(line)) : "")
                    .append(" |\n");
        }

        md.append("\n| Server | JVM start to first 200 ms | RSS after start MiB | Peak ops/s (1 s) | Seconds to 80 %"
                + " of peak | ops each second from the first call |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (String server : servers) {
            ObjectNode startup = startups.get(server);
            ObjectNode timeline = timelines.get(server);
            md.append("| ")
                    .append(server)
                    .append(" | ")
                    .append(startup.path("millis").asText())
                    .append(" | ")
                    .append(startup.path("rssMiB").asText())
                    .append(" | ");
            if (timeline == null) {
                md.append("- | - | - |\n");
                continue;
            }
            long[] each = seconds(timeline);
            long peak = (long) peak(timeline);
            md.append(String.format(Locale.ROOT, "%,d", peak))
                    .append(" | ")
                    .append(secondReaching(each, (long) Math.ceil(peak * PEAK_SHARE)))
                    .append(" | ");
            StringBuilder list = new StringBuilder();
            for (long count : each) {
                list.append(list.length() == 0 ? "" : " ").append(count);
            }
            md.append(list).append(" |\n");
        }
        md.append("\nTime to peak: scenario ")
                .append(timelines.values().stream()
                        .findFirst()
                        .map(t -> t.path("scenario").asText() + " at "
                                + t.path("connections").asInt() + " connections")
                        .orElse("-"))
                .append(" on the fresh process right after its first 200, counted per second from the first"
                        + " call (the sessions are opened before it); the column gives the second (1 = the first)"
                        + " whose count first reaches 80 % of the best second.\n");
        md.append(BenchReport.errors(lines));
        return md.toString();
    }

    /** The full one-second buckets of a time-to-peak line (the last one, cut by the window's end, is left out). */
    static long[] seconds(ObjectNode timeline) {
        JsonNode each = timeline.path("opsEachSecond");
        int full = Math.max(0, Math.min(each.size(), (int)
                Math.floor(timeline.path("seconds").asDouble())));
        long[] counts = new long[full];
        for (int i = 0; i < full; i++) {
            counts[i] = each.get(i).asLong();
        }
        return counts;
    }

    /** The best one-second count of a time-to-peak line. */
    static double peak(ObjectNode timeline) {
        long peak = 0;
        for (long count : seconds(timeline)) {
            peak = Math.max(peak, count);
        }
        return peak;
    }

    /** The middle one of {@code rounds} by {@code value} (the lower middle of an even count): a line really measured. */
    static ObjectNode median(List<ObjectNode> rounds, ToDoubleFunction<ObjectNode> value) {
        List<ObjectNode> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(value));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String range(List<ObjectNode> rounds) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (ObjectNode round : rounds) {
            min = Math.min(min, round.path("opsPerSecond").asDouble());
            max = Math.max(max, round.path("opsPerSecond").asDouble());
        }
        return String.format(Locale.ROOT, "%,.0f-%,.0f (%d)", min, max, rounds.size());
    }

    /** 1-based second in which {@code counts} first reaches {@code threshold}, or "-". */
    static String secondReaching(long[] counts, long threshold) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= threshold && counts[i] > 0) {
                return String.valueOf(i + 1);
            }
        }
        return "-";
    }

    private static ObjectNode peer(List<ObjectNode> loads, ObjectNode line, String server) {
        for (ObjectNode other : loads) {
            if (server.equals(other.path("server").asText())
                    && other.path("scenario")
                            .asText()
                            .equals(line.path("scenario").asText())
                    && other.path("connections").asInt()
                            == line.path("connections").asInt()) {
                return other;
            }
        }
        return null;
    }

    private static String whole(JsonNode number) {
        return number.isNumber() && number.asDouble() >= 0
                ? String.format(Locale.ROOT, "%,.0f", number.asDouble())
                : "-";
    }

    private static String ratio(double ops, ObjectNode peer) {
        if (peer == null || peer.path("opsPerSecond").asDouble() <= 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT, "%.2f", ops / peer.path("opsPerSecond").asDouble());
    }
}
