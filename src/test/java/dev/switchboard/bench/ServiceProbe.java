package dev.switchboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario costs the service: Redis commands by name ({@code INFO commandstats}), the service process's CPU
 * time and its peak resident set ({@code VmHWM}, reset before each measurement through {@code clear_refs}).
 */
final class ServiceProbe {

    private final int redisPort;
    private final long pid;

    /** @param redisPort 0 for none; @param pid 0 for none */
    ServiceProbe(int redisPort, long pid) {
        this.redisPort = redisPort;
        this.pid = pid;
    }

    /** Counters at one moment. */
    record Snapshot(Map<String, Long> redisCalls, long cpuTicks) {}

    Snapshot snapshot() {
        return new Snapshot(redisPort == 0 ? Map.of() : commandStats(), pid == 0 ? -1 : cpuTicks());
    }

    /** Starts a new peak-RSS measurement (Linux 4.0+: writing 5 to clear_refs resets VmHWM). */
    void resetPeakRss() {
        if (pid == 0) {
            return;
        }
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (IOException e) {
            // not permitted or not Linux: the peak then covers the whole run, which the report says
        }
    }

    /** Peak resident set in KiB since the last reset, or -1. */
    long peakRssKib() {
        return pid == 0 ? -1 : statusField("VmHWM:");
    }

    long rssKib() {
        return pid == 0 ? -1 : statusField("VmRSS:");
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L);
            if (d > 0) {
                delta.put(command, d);
            }
        });
        return delta;
    }

    private long statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return -1;
    }

    /** utime + stime in clock ticks (fields 14 and 15 of /proc/pid/stat, counted after the command name). */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code INFO commandstats} over RESP on a plain socket: {@code cmdstat_evalsha:calls=12,...} lines. */
    private Map<String, Long> commandStats() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redisPort)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = readLine(in);
            if (!header.startsWith("$")) {
                throw new IOException("Unexpected Redis answer: " + header);
            }
            byte[] payload = in.readNBytes(Integer.parseInt(header.substring(1)));
            Map<String, Long> calls = new TreeMap<>();
            for (String line : new String(payload, StandardCharsets.UTF_8).split("\r\n")) {
                if (line.startsWith("cmdstat_")) {
                    String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                    String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                    calls.put(command, Long.parseLong(rest.substring(0, rest.indexOf(','))));
                }
            }
            return calls;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read INFO commandstats from Redis on port " + redisPort, e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
