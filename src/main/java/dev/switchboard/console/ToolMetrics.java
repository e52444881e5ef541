package dev.switchboard.console;

import dev.switchboard.console.ConsoleWire.MetricsView;
import dev.switchboard.console.ConsoleWire.Point;
import dev.switchboard.console.ConsoleWire.ToolSeries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * This replica's tool calls over the last 15 minutes, for the console: every 10 s the meters {@code McpMetrics}
 * registers per tool ({@code switchboard.tool.calls}, {@code .errors}, {@code .duration}) are read and the change
 * since the previous reading kept as one point, in a ring of 90. Reading meters is a few map lookups: it runs on a
 * Vert.x timer, on the event loop, and adds nothing to a request.
 */
@ApplicationScoped
public class ToolMetrics {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final int POINTS = (int) (Duration.ofMinutes(15).toMillis() / INTERVAL.toMillis());

    private static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    /** The meters' totals for one tool at one reading. */
    private record Totals(double calls, double errors, long timed, double totalMs, double maxMs) {}

    /** One reading: the points of the tools called since the previous one. */
    private record Sample(Instant at, Map<String, Point> byTool) {}

    private final MeterRegistry registry;
    private final Clock clock;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>(POINTS + 1);
    private Map<String, Totals> last = Map.of();
    private Vertx vertx;
    private long timer = -1;

    public ToolMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event, ConsoleConfig config, Vertx vertx) {
        if (config.enabled()) {
            this.vertx = vertx;
            sample();
            timer = vertx.setPeriodic(INTERVAL.toMillis(), ignored -> sample());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Takes one reading now (the timer's work; tests call it rather than wait). */
    synchronized void sample() {
        Map<String, Totals> now = read();
        Map<String, Point> points = new HashMap<>();
        Instant at = clock.instant();
        now.forEach((tool, totals) -> {
            Totals before = last.getOrDefault(tool, ZERO);
            long calls = Math.round(totals.calls() - before.calls());
            long errors = Math.round(totals.errors() - before.errors());
            long timed = totals.timed() - before.timed();
            if (calls > 0 || errors > 0 || timed > 0) {
                double mean = timed > 0 ? (totals.totalMs() - before.totalMs()) / timed : 0;
                points.put(tool, new Point(at, calls, errors, round(mean), timed > 0 ? round(totals.maxMs()) : 0));
            }
        });
        samples.addLast(new Sample(at, points));
        while (samples.size() > POINTS) {
            samples.removeFirst();
        }
        last = now;
    }

    /** The points of every tool called in the window, one per reading (zeros where it was not called), by tool name. */
    synchronized MetricsView view(String replica) {
        TreeSet<String> tools = new TreeSet<>();
        samples.forEach(sample -> tools.addAll(sample.byTool().keySet()));
        List<ToolSeries> series = new ArrayList<>(tools.size());
        for (String tool : tools) {
            List<Point> points = new ArrayList<>(samples.size());
            for (Sample sample : samples) {
                points.add(sample.byTool().getOrDefault(tool, new Point(sample.at(), 0, 0, 0, 0)));
            }
            series.add(new ToolSeries(tool, points));
        }
        return new MetricsView(replica, INTERVAL.toSeconds(), series);
    }

    private Map<String, Totals> read() {
        Map<String, Double> calls = new HashMap<>();
        Map<String, Double> errors = new HashMap<>();
        for (Counter counter : registry.find("switchboard.tool.calls").counters()) {
            calls.merge(counter.getId().getTag("tool"), counter.count(), Double::sum);
        }
        for (Counter counter : registry.find("switchboard.tool.errors").counters()) {
            errors.merge(counter.getId().getTag("tool"), counter.count(), Double::sum);
        }
        Map<String, Totals> totals = new HashMap<>();
        for (Timer timer : registry.find("switchboard.tool.duration").timers()) {
            String tool = timer.getId().getTag("tool");
            totals.put(
                    tool,
                    new Totals(
                            calls.getOrDefault(tool, 0.0),
                            errors.getOrDefault(tool, 0.0),
                            timer.count(),
                            timer.totalTime(TimeUnit.MILLISECONDS),
                            timer.max(TimeUnit.MILLISECONDS)));
        }
        calls.forEach(
                (tool, count) -> totals.putIfAbsent(tool, new Totals(count, errors.getOrDefault(tool, 0.0), 0, 0, 0)));
        return totals;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
