package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side report: ratios to the peers at the same scenario and level, and the time to peak. */
class PeersReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void comparesEachServerWithTheQuarkiverseServerAndTheCeiling() throws Exception {
        List<ObjectNode> lines = new ArrayList<>();
        for (String server : List.of("ceiling", "quarkiverse", "switchboard-memory")) {
            lines.add(line("{\"type\":\"startup\",\"run\":\"" + server + "\",\"millis\":900,\"rssMiB\":120}"));
        }
        lines.add(load("ceiling", 64, 4000));
        lines.add(load("quarkiverse", 64, 2000));
        lines.add(load("switchboard-memory", 64, 3000));
        lines.add(load("switchboard-memory", 1, 500));
        lines.add(
                line("{\"type\":\"load\",\"phase\":\"timeline\",\"server\":\"quarkiverse\",\"scenario\":\"tools-call\","
                        + "\"connections\":64,\"seconds\":4.01,\"opsEachSecond\":[100,700,1000,900,30]}"));

        String md = PeersReport.markdown(lines);

        assertTrue(
                md.contains("| a. tools/call | 64 | switchboard-memory | 3,000 | 3,000 | 1.00 | 2.00 | 0 | 300 | 150"
                        + " | 1.50 | 0.75 |"),
                md);
        assertTrue(
                md.contains(
                        "| a. tools/call | 1 | switchboard-memory | 500 | 500 | 1.00 | 2.00 | 0 | 300 | 150 | - | - |"),
                md);
        assertTrue(md.indexOf("| 1 | switchboard-memory") < md.indexOf("| 64 | ceiling"), "levels in order: " + md);
        assertTrue(md.contains("| quarkiverse | 900 | 120 | 1,000 | 3 | 100 700 1000 900 |"), md);
        assertTrue(md.contains("| ceiling | 900 | 120 | - | - | - |"), md);
    }

    @Test
    void saysWhichServerRunsWithTheAotCacheOnlyWhenOneDoes() throws Exception {
        List<ObjectNode> lines = new ArrayList<>();
        lines.add(line("{\"type\":\"startup\",\"run\":\"quarkiverse\",\"millis\":900,\"rssMiB\":120}"));
        lines.add(load("quarkiverse", 64, 2000));
        String without = PeersReport.markdown(lines);
        lines.add(line("{\"type\":\"startup\",\"run\":\"switchboard-aot\",\"millis\":700,\"rssMiB\":130}"));
        lines.add(load("switchboard-aot", 64, 2400));

        String with = PeersReport.markdown(lines);

        assertTrue(with.contains("switchboard-aot is the memory store on a JDK 25 with the AOT cache"), with);
        assertTrue(with.contains("| a. tools/call | 64 | switchboard-aot | 2,400 |"), with);
        assertTrue(with.contains("| switchboard-aot | 700 | 130 | - | - | - |"), with);
        assertFalse(without.contains("AOT cache"), without);
    }

    @Test
    void severalRoundsReportTheMedianRoundAndTheRange() throws Exception {
        List<ObjectNode> lines = new ArrayList<>();
        int[][] rounds = {{2000, 3000, 900}, {2000, 1000, 5000}, {1000, 2000, 1000}}; // quarkiverse, memory, millis
        for (int[] round : rounds) {
            lines.add(line("{\"type\":\"startup\",\"run\":\"quarkiverse\",\"millis\":800,\"rssMiB\":120}"));
            lines.add(load("quarkiverse", 64, round[0]));
            lines.add(line("{\"type\":\"startup\",\"run\":\"switchboard-memory\",\"millis\":" + round[2]
                    + ",\"rssMiB\":200}"));
            lines.add(load("switchboard-memory", 64, round[1]));
        }

        String md = PeersReport.markdown(lines);

        assertTrue(md.contains("Each server ran 3 times"), md);
        assertTrue(md.contains("| a. tools/call | 64 | switchboard-memory | 2,000 |"), md);
        assertTrue(md.contains("| 150 | 1.00 | - | 1,000-3,000 (3) |"), "median against median, and the range: " + md);
        assertTrue(md.contains("| 150 | 1.00 | - | 1,000-2,000 (3) |"), md);
        assertTrue(md.contains("| switchboard-memory | 1000 | 200 |"), "the median start: " + md);
        assertEquals(
                1, md.split("\\| a. tools/call \\| 64 \\| switchboard-memory").length - 1, "one row a server: " + md);
    }

    @Test
    void peakIsTheFirstSecondAtEightyPercentOfTheBest() throws Exception {
        long[] seconds = PeersReport.seconds(line("{\"seconds\":3.2,\"opsEachSecond\":[10,79,80,100,5]}"));
        assertArrayEquals(new long[] {10, 79, 80}, seconds);
        assertEquals("3", PeersReport.secondReaching(seconds, 80));
        assertEquals("-", PeersReport.secondReaching(new long[] {0, 0}, 0));
    }

    private static ObjectNode load(String server, int connections, double ops) throws Exception {
        return line("{\"type\":\"load\",\"server\":\"" + server + "\",\"case\":\"a. tools/call\",\"scenario\":"
                + "\"tools-call\",\"connections\":" + connections + ",\"opsPerSecond\":" + ops
                + ",\"requestsPerOperation\":1.0,\"errors\":0,\"latencyMs\":{\"p50\":1.0,\"p99\":2.0},"
                + "\"rssMiBAtEnd\":300.0,\"serviceCpuMicrosPerOperation\":150.0}");
    }

    private static ObjectNode line(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
