package dev.switchboard.api;

import java.time.Duration;
import java.util.Optional;

/**
 * State that tools and resources keep between calls, in the session store (Redis, or memory with the memory store),
 * so any replica serves the next call. State belongs to a session, or to a workspace: a handle from
 * {@code workspace.open} that carries state without a session (the stateless revision 2026-07-28 has none). Each
 * expires with its session or workspace, after the sliding TTL of inactivity. Inject it into a tool or resource bean;
 * it may wait on the store, as tools (on worker threads) may.
 */
public interface ToolState {

    /**
     * The state a tool call works on: the workspace {@code workspace} names, when given (its TTL restarts and the call
     * joins its {@code tools_used}), else the caller's session.
     *
     * @throws ToolException, for the model to read, when the handle is unknown, expired or another caller's, or when
     *     there is neither a handle nor a session
     */
    StateScope of(String workspace, ToolContext context);

    /** The session's state, for a resource read in a session; empty without one. */
    Optional<StateScope> ofSession(ResourceContext context);

    /** A workspace's state, for a resource read; empty when the handle is unknown, expired or another caller's. */
    Optional<StateScope> ofWorkspace(String workspace, ResourceContext context);

    /**
     * Opens a workspace for the caller: a new, unguessable handle.
     *
     * @throws ToolException when the caller already holds as many sessions and workspaces as it may
     */
    OpenedWorkspace open(ToolContext context);

    /**
     * @param handle the workspace handle to pass back as {@code workspace}
     * @param expiresAfter how long it lives without use
     */
    record OpenedWorkspace(String handle, Duration expiresAfter) {}
}
