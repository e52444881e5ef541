package dev.switchboard.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.upstream.UpstreamStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code /console/api}, one record per object (the console page depends on these shapes: see
 * docs/console.md). Instants are ISO-8601 UTC strings; absent values are {@code null}, never left out.
 */
final class ConsoleWire {

    private ConsoleWire() {}

    @RegisterForReflection
    record Overview(
            ServerInfo server,
            StoreInfo store,
            List<ReplicaView> replicas,
            SessionCount sessions,
            TaskCountView tasks,
            List<ToolView> tools) {}

    @RegisterForReflection
    record ServerInfo(String name, String version) {}

    @RegisterForReflection
    record StoreInfo(String kind, boolean ready) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReplicaView(String id, String host, Instant startedAt, Instant lastSeenAt, boolean self) {}

    @RegisterForReflection
    record SessionCount(long count) {}

    @RegisterForReflection
    record TaskCountView(long running, long recent) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ToolView(String name, String title) {}

    @RegisterForReflection
    record SessionsPage(int count, List<SessionView> sessions, List<WorkspaceView> workspaces) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionView(
            String id,
            String owner,
            String era,
            String protocolVersion,
            ClientView client,
            Instant createdAt,
            Instant lastSeenAt,
            String replica,
            List<ToolUseView> toolsUsed) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClientView(String name, String version) {}

    @RegisterForReflection
    record ToolUseView(String tool, Instant at) {}

    @RegisterForReflection
    record WorkspaceView(String id, Instant createdAt, Instant lastSeenAt) {}

    @RegisterForReflection
    record TasksPage(List<TaskView> tasks) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TaskView(
            String taskId,
            String tool,
            String status,
            String statusMessage,
            String sessionId,
            String owner,
            Instant createdAt,
            Instant lastUpdatedAt) {}

    @RegisterForReflection
    record UpstreamsView(String replica, List<UpstreamStatus> upstreams) {}

    @RegisterForReflection
    record MetricsView(String replica, long intervalSeconds, List<ToolSeries> tools) {}

    @RegisterForReflection
    record ToolSeries(String tool, List<Point> points) {}

    @RegisterForReflection
    record Point(Instant at, long calls, long errors, double meanMs, double maxMs) {}
}
