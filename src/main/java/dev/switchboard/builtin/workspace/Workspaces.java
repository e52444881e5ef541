package dev.switchboard.builtin.workspace;

import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import dev.switchboard.security.limits.SessionAdmission;
import dev.switchboard.session.Session;
import dev.switchboard.session.SessionIdGenerator;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.ToolUse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Workspaces: server-minted handles to state kept across calls (SEP-2567). The stateless revision 2026-07-28 has no
 * sessions, so a tool that needs state between calls takes a workspace handle as an ordinary argument. A workspace
 * is a record in the {@link SessionStore} like a session (the same sliding TTL, {@code tools_used} and collections):
 * a session-era session and a workspace are two views of one store, and tools accept either.
 *
 * <p>Called from tools, which run on worker threads and may wait on the store.
 */
@ApplicationScoped
public class Workspaces {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final SessionStore store;
    private final SessionAdmission admission;
    private final SessionIdGenerator ids;
    private final Clock clock;

    public Workspaces(SessionStore store, SessionIdGenerator ids, SessionAdmission admission, Clock clock) {
        this.admission = admission;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** Opens a workspace: a new, unguessable handle whose state expires after the session TTL of inactivity. */
    public String open(ToolContext context) {
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
        return handle;
    }

    /**
     * The id under which this call keeps its state: the workspace {@code handle} when given (its TTL restarted and
     * this call recorded in its {@code tools_used}, in one round trip), else the caller's session.
     *
     * @throws ToolException when the handle is unknown or expired, or when there is neither a handle nor a session
     */
    public String scope(String handle, ToolContext context) {
        if (handle == null) {
            if (context.sessionId() == null) {
                throw new ToolException("This tool keeps state, and protocol revision " + context.protocolVersion()
                        + " has no sessions: call workspace.open once and pass its handle as \"workspace\"");
            }
            return context.sessionId();
        }
        boolean known = store.touch(handle, context.principal().id(), new ToolUse(context.toolName(), clock.instant()))
                .await()
                .atMost(STORE_TIMEOUT)
                .isPresent();
        if (!known) {
            throw new ToolException("Unknown or expired workspace '" + handle
                    + "': workspaces expire after a period without use; call workspace.open for a new one");
        }
        return handle;
    }

    /** True when the handle names a live workspace (or session) of {@code principal}; restarts its TTL. */
    public boolean exists(String handle, Principal principal) {
        return store.touch(handle, principal.id(), null)
                .await()
                .atMost(STORE_TIMEOUT)
                .isPresent();
    }
}
