package dev.switchboard.state;

import dev.switchboard.api.Principal;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolState;
import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.security.limits.SessionAdmission;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionIdGenerator;
import dev.switchboard.session.SessionStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ToolState} on the {@link SessionStore}. A workspace (SEP-2567) is a record in the store like a session (the
 * same sliding TTL, {@code tools_used} and collections), so a session-era session and a workspace are two views of
 * one store, and tools accept either. Every operation is one store round trip; the waits are bounded.
 */
@Singleton
class SessionToolState implements ToolState {

    static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final SessionStore store;
    private final SessionAdmission admission;
    private final SessionIdGenerator ids;
    private final Clock clock;
    private final JsonCodec json;
    private final Duration ttl;

    SessionToolState(
            SessionStore store,
            SessionAdmission admission,
            SessionIdGenerator ids,
            Clock clock,
            JsonCodec json,
            SwitchboardConfig config) {
        this.store = store;
        this.admission = admission;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.ttl = config.sessions().ttl();
    }

    @Override
    public StateScope of(String workspace, ToolContext context) {
        if (workspace == null) {
            if (context.sessionId() == null) {
                throw new ToolException("This tool keeps state, and protocol revision " + context.protocolVersion()
                        + " has no sessions: call workspace.open once and pass its handle as \"workspace\"");
            }
            return scope(context.sessionId(), false);
        }
        boolean known = store.touch(
                        workspace, context.principal().id(), new ToolUse(context.toolName(), clock.instant()))
                .await()
                .atMost(STORE_TIMEOUT)
                .isPresent();
        if (!known) {
            throw new ToolException("Unknown or expired workspace '" + workspace
                    + "': workspaces expire after a period without use; call workspace.open for a new one");
        }
        return scope(workspace, true);
    }

    @Override
    public Optional<StateScope> ofSession(ResourceContext context) {
        return Optional.ofNullable(context.sessionId()).map(session -> scope(session, false));
    }

    @Override
    public Optional<StateScope> ofWorkspace(String workspace, ResourceContext context) {
        return exists(workspace, context.principal()) ? Optional.of(scope(workspace, true)) : Optional.empty();
    }

    @Override
    public OpenedWorkspace open(ToolContext context) {
        Instant now = clock.instant();
        String handle = ids.next();
        try {
            admission.admit(context.principal(), handle).await().atMost(STORE_TIMEOUT);
        } catch (SessionAdmission.TooManySessionsException e) {
            throw new ToolException(e.getMessage());
        }
        store.create(new Session(
                        handle, context.principal().id(), context.protocolVersion(), null, null, null, now, now))
                .await()
                .atMost(STORE_TIMEOUT);
        return new OpenedWorkspace(handle, ttl);
    }

    /** True when the handle names a live workspace (or session) of {@code principal}; restarts its TTL. */
    private boolean exists(String handle, Principal principal) {
        return store.touch(handle, principal.id(), null)
                .await()
                .atMost(STORE_TIMEOUT)
                .isPresent();
    }

    private StateScope scope(String id, boolean workspace) {
        return new StoredScope(id, workspace, store, json);
    }
}
