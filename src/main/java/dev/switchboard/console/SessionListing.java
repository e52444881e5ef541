package dev.switchboard.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.ConsoleWire.ClientView;
import dev.switchboard.console.ConsoleWire.SessionView;
import dev.switchboard.console.ConsoleWire.SessionsPage;
import dev.switchboard.console.ConsoleWire.ToolUseView;
import dev.switchboard.console.ConsoleWire.WorkspaceView;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionSummary;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sessions page of the console. Sessions and 2026-07-28 workspaces are both session records in the store (a
 * workspace is one opened by {@code workspace.open}, under the stateless revision), listed together by creation and
 * split here; each list is sorted by last use, newest first.
 */
@ApplicationScoped
public class SessionListing {

    private static final Comparator<Session> LAST_SEEN =
            Comparator.comparing(Session::lastSeenAt).reversed().thenComparing(Session::id);

    private final SessionStore sessions;
    private final StreamHub hub;
    private final ReplicaRoster roster;

    public SessionListing(SessionStore sessions, StreamHub hub, ReplicaRoster roster) {
        this.sessions = sessions;
        this.hub = hub;
        this.roster = roster;
    }

    Uni<SessionsPage> list(int limit) {
        return sessions.recent(limit).map(found -> {
            List<SessionSummary> sorted = new ArrayList<>(found);
            sorted.sort((a, b) -> LAST_SEEN.compare(a.session(), b.session()));
            List<SessionView> views = new ArrayList<>();
            List<WorkspaceView> workspaces = new ArrayList<>();
            for (SessionSummary summary : sorted) {
                Session session = summary.session();
                Era era = ProtocolVersion.of(session.protocolVersion())
                        .map(ProtocolVersion::era)
                        .orElse(Era.SESSION);
                if (era == Era.STATELESS) {
                    workspaces.add(new WorkspaceView(session.id(), session.createdAt(), session.lastSeenAt()));
                } else {
                    views.add(view(summary, era));
                }
            }
            return new SessionsPage(views.size(), views, workspaces);
        });
    }

    private SessionView view(SessionSummary summary, Era era) {
        Session session = summary.session();
        // The store records the replica of a stream opened on any replica (Redis); the memory store's streams are
        // this process's.
        String replica = summary.streamReplica() != null
                ? summary.streamReplica()
                : hub.holds(session.id()) ? roster.self() : null;
        return new SessionView(
                session.id(),
                session.owner(),
                era.tag(),
                session.protocolVersion(),
                client(session.clientInfo()),
                session.createdAt(),
                session.lastSeenAt(),
                replica,
                summary.toolsUsed().stream()
                        .map(use -> new ToolUseView(use.tool(), use.at()))
                        .toList());
    }

    private static ClientView client(ObjectNode info) {
        if (info == null) {
            return null;
        }
        return new ClientView(text(info.get("name")), text(info.get("version")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
