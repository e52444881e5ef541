package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The micro-benchmark measures real work: each benchmark method gives the answer the service would. */
class DispatchBenchmarkTest {

    @Test
    void toolsCallAnswersTheForecast() throws Exception {
        DispatchBenchmark benchmark = new DispatchBenchmark();
        benchmark.setUp();
        String response = new String(benchmark.toolsCall(), StandardCharsets.UTF_8);
        assertTrue(response.startsWith("{\"jsonrpc\":\"2.0\",\"id\":42,\"result\":{"), response);
        assertTrue(response.contains("\"structuredContent\":{\"location\":{\"name\":\"Paris\""), response);
        assertTrue(response.contains("\"isError\":false"), response);
        assertEquals(1, benchmark.parse().entries().size());
    }

    @Test
    void toolsListPageHoldsFiftyTools() throws Exception {
        DispatchBenchmark benchmark = new DispatchBenchmark();
        benchmark.setUp();
        String page = new String(benchmark.toolsListPage(), StandardCharsets.UTF_8);
        assertEquals(50, page.split("\"inputSchema\"", -1).length - 1);
        assertTrue(page.endsWith("\"nextCursor\":\"next\"}}"), page.substring(page.length() - 60));
    }
}
