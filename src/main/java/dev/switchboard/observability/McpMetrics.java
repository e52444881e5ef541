package dev.switchboard.observability;

import dev.switchboard.jsonrpc.JsonRpcResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Switchboard's own meters, scraped at {@code /q/metrics}. Tag values are bounded: tools are tagged with registered
 * names only ({@code unknown} otherwise), JSON-RPC errors with their code and era. Per-tool meters are registered when
 * the tools are known ({@link #registerTools}), so the per-call path is a map lookup. Components that hold streams
 * report them through {@link #activeStreams}, so this class depends on none of them.
 */
@Singleton
public class McpMetrics {

    /** The tag value for a tool name that is not registered: user input never becomes a tag. */
    public static final String UNKNOWN = "unknown";

    /** The era tag of a message refused before its era was known (not JSON, wrong media type, Origin). */
    public static final String NO_ERA = "none";

    private final MeterRegistry registry;
    private final Map<String, ToolMeters> tools = new ConcurrentHashMap<>();
    private final ToolMeters unknownTool;
    /** JSON-RPC error counters by era tag ({@code session}, {@code stateless}, {@link #NO_ERA}) and code. */
    private final Map<String, Map<Integer, Counter>> errors = Map.of(
            "session",
            new ConcurrentHashMap<>(),
            "stateless",
            new ConcurrentHashMap<>(),
            NO_ERA,
            new ConcurrentHashMap<>());

    private final AtomicInteger statelessStreams = new AtomicInteger();

    public McpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unknownTool = new ToolMeters(registry, UNKNOWN);
        activeStreams("stateless", statelessStreams, AtomicInteger::get);
    }

    /** Creates the meters of these registered tools, so each appears (at zero) before its first call. */
    public void registerTools(Collection<String> names) {
        names.forEach(name -> tools.computeIfAbsent(name, tool -> new ToolMeters(registry, tool)));
    }

    /** Reports the SSE streams of one kind ({@code session}, {@code listen}) that {@code holder} keeps open. */
    public <T> void activeStreams(String kind, T holder, ToDoubleFunction<T> open) {
        Gauge.builder("switchboard.streams.active", holder, open)
                .description("Open SSE streams on this replica")
                .tag("kind", kind)
                .strongReference(true)
                .register(registry);
    }

    /** The meters of a tool, or those tagged {@code unknown} when {@code name} is not a registered tool. */
    public ToolMeters tool(String name) {
        ToolMeters meters = name == null ? null : tools.get(name);
        return meters == null ? unknownTool : meters;
    }

    /** Counts a JSON-RPC error answer. */
    public void rpcError(String era, int code) {
        Map<Integer, Counter> byCode = errors.get(era);
        if (byCode == null) {
            byCode = errors.get(NO_ERA);
        }
        byCode.computeIfAbsent(
                        code,
                        c -> Counter.builder("switchboard.jsonrpc.errors")
                                .description("JSON-RPC error responses by error code and protocol era")
                                .tag("code", Integer.toString(c))
                                .tag("era", era == null || !errors.containsKey(era) ? NO_ERA : era)
                                .register(registry))
                .increment();
    }

    /** Counts the errors in a reply body: one response, a batch (list) of them, or nothing. */
    public void rpcErrors(String era, Object body) {
        if (body instanceof JsonRpcResponse response) {
            countError(era, response);
        } else if (body instanceof List<?> batch) {
            for (Object entry : batch) {
                if (entry instanceof JsonRpcResponse response) {
                    countError(era, response);
                }
            }
        }
    }

    private void countError(String era, JsonRpcResponse response) {
        if (response.error() != null) {
            rpcError(era, response.error().code());
        }
    }

    /** A 2026-07-28 request switched to an SSE stream. */
    public void statelessStreamOpened() {
        statelessStreams.incrementAndGet();
    }

    /** A 2026-07-28 request's SSE stream ended. */
    public void statelessStreamClosed() {
        statelessStreams.decrementAndGet();
    }

    /** The meters of one tool, created once. */
    public static final class ToolMeters {

        private final Counter calls;
        private final Counter failures;
        private final Timer duration;

        ToolMeters(MeterRegistry registry, String tool) {
            this.calls = Counter.builder("switchboard.tool.calls")
                    .description("Tool calls, by tool")
                    .tag("tool", tool)
                    .register(registry);
            this.failures = Counter.builder("switchboard.tool.errors")
                    .description("Tool calls that failed or returned isError, by tool")
                    .tag("tool", tool)
                    .register(registry);
            this.duration = Timer.builder("switchboard.tool.duration")
                    .description("Tool call latency, by tool")
                    .tag("tool", tool)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(java.time.Duration.ofMillis(1))
                    .maximumExpectedValue(java.time.Duration.ofMinutes(2))
                    .register(registry);
        }

        /** Records one finished call. */
        public void record(long nanos, boolean failed) {
            calls.increment();
            if (failed) {
                failures.increment();
            }
            duration.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        /** Counts a call that never ran (unknown tool, invalid request). */
        public void rejected() {
            calls.increment();
            failures.increment();
        }
    }
}
