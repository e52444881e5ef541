package dev.switchboard.console;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.console.ConsoleWire.Overview;
import dev.switchboard.console.ConsoleWire.ReplicaView;
import dev.switchboard.console.ConsoleWire.ServerInfo;
import dev.switchboard.console.ConsoleWire.SessionCount;
import dev.switchboard.console.ConsoleWire.StoreInfo;
import dev.switchboard.console.ConsoleWire.TaskCountView;
import dev.switchboard.console.ConsoleWire.TaskView;
import dev.switchboard.console.ConsoleWire.TasksPage;
import dev.switchboard.console.ConsoleWire.ToolView;
import dev.switchboard.console.ConsoleWire.UpstreamsView;
import dev.switchboard.protocol.SessionEraServer;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.session.SessionStore;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStore;
import dev.switchboard.upstream.UpstreamMounts;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's API: what the fleet holds (sessions, tasks, replicas; read from the store, so every replica shows the
 * same) and what this replica measured (tool metrics). Every answer is read when asked: nothing here adds work to a
 * request of {@code /mcp}. Access (enabled, same origin, the bearer token's scope) is checked before: {@link ConsoleGate}
 * and the bearer filter.
 */
@Path(ConsoleAccess.API)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console", description = "The operator's web console: sessions, tasks, replicas and tool metrics")
public class ConsoleResource {

    private final SessionStore sessions;
    private final TaskStore tasks;
    private final ReplicaRoster roster;
    private final ToolMetrics metrics;
    private final SessionEraServer server;
    private final SessionListing listing;
    private final ServerInfo info;
    private final List<ToolView> tools;
    private final UpstreamMounts upstreams;

    public ConsoleResource(
            SessionStore sessions,
            TaskStore tasks,
            ReplicaRoster roster,
            ToolMetrics metrics,
            SessionEraServer server,
            SessionListing listing,
            ToolRegistry registry,
            UpstreamMounts upstreams,
            SwitchboardConfig config) {
        this.sessions = sessions;
        this.tasks = tasks;
        this.roster = roster;
        this.metrics = metrics;
        this.server = server;
        this.listing = listing;
        this.upstreams = upstreams;
        this.info = new ServerInfo(config.server().name(), config.server().version());
        this.tools = registry.descriptors().stream()
                .map(tool -> new ToolView(tool.name(), tool.title()))
                .toList();
    }

    @GET
    @Path("overview")
    @Operation(
            summary = "The fleet at a glance",
            description =
                    "Server, store, the replicas heard from in the last 30 s, session and task counts, the tools.")
    public Uni<Response> overview() {
        return Uni.combine()
                .all()
                .unis(sessions.ping(), roster.alive(), sessions.count(), tasks.counts())
                .with((ignored, alive, sessionCount, taskCounts) -> ok(new Overview(
                        info,
                        new StoreInfo(sessions.kind(), true),
                        alive.stream()
                                .map(replica -> new ReplicaView(
                                        replica.id(),
                                        replica.host(),
                                        replica.startedAt(),
                                        replica.lastSeenAt(),
                                        replica.id().equals(roster.self())))
                                .toList(),
                        new SessionCount(sessionCount),
                        new TaskCountView(taskCounts.running(), taskCounts.recent()),
                        tools)))
                .onFailure()
                .recoverWithItem(ConsoleErrors::of);
    }

    @GET
    @Path("sessions")
    @Operation(
            summary = "The newest sessions and workspaces of every replica",
            description = "Up to limit of the newest sessions (by creation), sorted by last use, with their client,"
                    + " tools_used and the replica holding their open stream; and the 2026-07-28 workspaces.")
    public Uni<Response> sessions(@Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit) {
        return Limits.parse(limit, 100)
                .chain(max -> listing.list(max))
                .map(ConsoleResource::ok)
                .onFailure()
                .recoverWithItem(ConsoleErrors::of);
    }

    @DELETE
    @Path("sessions/{id}")
    @Operation(
            summary = "Ends a session",
            description = "As the client's DELETE /mcp would: its data is dropped and its next request gets 404.")
    public Uni<Response> end(@PathParam("id") String id) {
        return server.endAny(id)
                .map(ended -> ended
                        ? Response.noContent().build()
                        : ConsoleErrors.notFound("Not Found: no session '" + id + "' (it ended or expired)"))
                .onFailure()
                .recoverWithItem(ConsoleErrors::of);
    }

    @GET
    @Path("tasks")
    @Operation(summary = "Tasks of every owner", description = "Running tasks first, then the newest, up to limit.")
    public Uni<Response> tasks(@Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit) {
        return Limits.parse(limit, 50)
                .chain(max -> tasks.recent(max))
                .map(found -> ok(
                        new TasksPage(found.stream().map(ConsoleResource::view).toList())))
                .onFailure()
                .recoverWithItem(ConsoleErrors::of);
    }

    @GET
    @Path("metrics")
    @Operation(
            summary = "This replica's tool calls over the last 15 minutes",
            description = "Calls, errors, mean and max latency per tool, one point per 10 s. Per replica: another"
                    + " replica answers with its own.")
    @NonBlocking // a copy of a small ring in memory
    public Response metrics() {
        return ok(metrics.view(roster.self()));
    }

    @GET
    @Path("upstreams")
    @Operation(
            summary = "The upstream MCP servers mounted here, as this replica sees them",
            description = "Per upstream: state (starting, available, unavailable), its circuit breaker, what it"
                    + " lists, whether that is the last known list, and this replica's calls, errors and mean latency.")
    @NonBlocking // counters in memory
    public Response upstreams() {
        return ok(new UpstreamsView(roster.self(), upstreams.statuses()));
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    @NonBlocking
    public Response unknown(@PathParam("path") String path) {
        return ConsoleErrors.notFound("Not Found: " + ConsoleAccess.API + "/" + path
                + " is not an endpoint of the console API (overview, sessions, tasks, metrics, upstreams)");
    }

    private static TaskView view(TaskRecord task) {
        return new TaskView(
                task.id(),
                task.tool(),
                task.status().wire(),
                task.statusMessage(),
                task.sessionId(),
                task.owner(),
                task.createdAt(),
                task.lastUpdatedAt());
    }

    private static Response ok(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
