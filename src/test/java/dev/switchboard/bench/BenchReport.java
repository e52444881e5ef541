package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the JSON lines scripts/bench.sh collected (a {@code meta} line, {@code startup} lines per service run,
 * {@code load} lines per scenario and concurrency) into {@code results.md} and {@code results.json}.
 *
 * <pre>BenchReport results.jsonl results.md results.json</pre>
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport() {}

    public static void main(String[] args) throws Exception {
        List<ObjectNode> lines = read(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), markdown(lines), StandardCharsets.UTF_8);
        ObjectNode all = JSON.createObjectNode();
        ArrayNode startups = all.putArray("startups");
        ArrayNode loads = all.putArray("results");
        for (ObjectNode line : lines) {
            switch (line.path("type").asText()) {
                case "meta" -> all.set("machine", line);
                case "startup" -> startups.add(line);
                case "load" -> loads.add(line);
                default -> {}
            }
        }
        Files.writeString(
                Path.of(args[2]),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all),
                StandardCharsets.UTF_8);
    }

    /** The JSON lines of a results file. */
    static List<ObjectNode> read(Path results) throws java.io.IOException {
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add((ObjectNode) JSON.readTree(line));
            }
        }
        return lines;
    }

    static String markdown(List<ObjectNode> lines) {
        StringBuilder md = new StringBuilder();
        md.append(runLine(lines)).append(" The load generator runs on the same machine.\n\n");
        md.append("| Scenario | Conns | ops/s | p50 ms | p99 ms | p99.9 ms | Errors | Req/op | Redis cmds/op"
                + " | Service CPU µs/op | CPU service / loadgen | Peak RSS MiB |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ObjectNode line : lines) {
            if (!"load".equals(line.path("type").asText())) {
                continue;
            }
            JsonNode latency = line.path("latencyMs");
            md.append("| ")
                    .append(line.path("label").asText(line.path("scenario").asText()))
                    .append(" | ")
                    .append(line.path("connections").asInt())
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT, "%,.0f", line.path("opsPerSecond").asDouble()))
                    .append(" | ")
                    .append(ms(latency.path("p50")))
                    .append(" | ")
                    .append(ms(latency.path("p99")))
                    .append(" | ")
                    .append(ms(latency.path("p999")))
                    .append(" | ")
                    .append(line.path("errors").asLong())
                    .append(" | ")
                    .append(line.path("requestsPerOperation").asText())
                    .append(" | ")
                    .append(redis(line))
                    .append(" | ")
                    .append(line.path("serviceCpuMicrosPerOperation").asText("-"))
                    .append(" | ")
                    .append(line.path("serviceCpuPercent").asText("-"))
                    .append("% / ")
                    .append(line.path("loadGeneratorCpuPercent").asText("-"))
                    .append("% | ")
                    .append(line.path("peakRssMiB").asText("-"))
                    .append(" |\n");
        }
        md.append("\n| Service run | Start-up to first 200 (ms) | RSS after start-up (MiB) |\n");
        md.append("| --- | ---: | ---: |\n");
        for (ObjectNode line : lines) {
            if ("startup".equals(line.path("type").asText())) {
                md.append("| ")
                        .append(line.path("run").asText())
                        .append(" | ")
                        .append(line.path("millis").asText())
                        .append(" | ")
                        .append(line.path("rssMiB").asText())
                        .append(" |\n");
            }
        }
        md.append(errors(lines));
        return md.toString();
    }

    /** "Run DATE on N CPUs (...), load average ..., JAVA, commit C, mode M." from the meta line. */
    static String runLine(List<ObjectNode> lines) {
        StringBuilder md = new StringBuilder();
        for (ObjectNode line : lines) {
            if ("meta".equals(line.path("type").asText())) {
                md.append("Run ")
                        .append(line.path("date").asText())
                        .append(" on ")
                        .append(line.path("cpus").asText())
                        .append(" CPUs (")
                        .append(line.path("cpuModel").asText())
                        .append("), load average at start ")
                        .append(line.path("loadAverage").asText())
                        .append(", ")
                        .append(line.path("java").asText())
                        .append(", commit ")
                        .append(line.path("commit").asText())
                        .append(", mode ")
                        .append(line.path("mode").asText())
                        .append('.');
            }
        }
        return md.toString();
    }

    /** The error reasons of every load line, as a markdown list, or nothing. */
    static String errors(List<ObjectNode> lines) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode line : lines) {
            line.path("errorReasons")
                    .fields()
                    .forEachRemaining(reason -> errors.add("- "
                            + line.path("label").asText(line.path("scenario").asText()) + ", c="
                            + line.path("connections").asInt() + ": "
                            + reason.getValue().asLong() + " x " + reason.getKey()));
        }
        return errors.isEmpty() ? "" : "\nErrors:\n\n" + String.join("\n", errors) + "\n";
    }

    static String ms(JsonNode value) {
        double v = value.asDouble();
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    /** Total per finished operation (successful or not), then the commands, e.g. {@code 1.00 (evalsha 1.00)}. */
    private static String redis(ObjectNode line) {
        if (!line.has("redisCommandsPerOperation")) {
            return "-";
        }
        long ops = Math.max(
                1, line.path("operations").asLong() + line.path("errors").asLong());
        String detail = iterable(line.path("redisCommands")).stream()
                .map(e -> String.format(
                        Locale.ROOT,
                        "%s %.2f",
                        e.getKey().toLowerCase(Locale.ROOT).replace("|", " "),
                        e.getValue().asDouble() / ops))
                .collect(Collectors.joining(", "));
        return String.format(
                        Locale.ROOT,
                        "%.2f",
                        line.path("redisCommandsPerOperation").asDouble())
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
