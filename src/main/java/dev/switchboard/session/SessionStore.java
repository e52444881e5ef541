package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Keeps sessions alive across requests (and, for Redis, across replicas and restarts). Every session has a sliding
 * time to live: each {@link #touch} restarts it, and a session left idle longer disappears with all its data.
 *
 * <p>Implementations never block the calling thread.
 */
public interface SessionStore {

    /** Stores a new session. */
    Uni<Void> create(Session session);

    /**
     * Loads a session and restarts its time to live, in one round trip. A session is found only by its owner: for
     * anyone else it does not exist, so an id that leaked to another principal reveals nothing.
     *
     * @param owner the principal presenting the id ({@code Principal.id()})
     * @param use a tool call to append to {@code tools_used} in the same step, or null
     * @return the session (with its new last-seen time), or empty when it does not exist or has expired
     */
    default Uni<Optional<Session>> touch(String id, String owner, ToolUse use) {
        return touch(id, owner, use, null);
    }

    /**
     * As {@link #touch(String, String, ToolUse)}, taking one request from the session's {@code allowance} in the
     * same round trip. When it is used up the call fails with {@link AllowanceExceededException} and nothing is
     * touched or recorded.
     *
     * @param allowance the session's rate limit, or null for none
     */
    Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance);

    /** Changes the minimum log level; returns false when the session does not exist. */
    Uni<Boolean> setLogLevel(String id, String level);

    /** Ends its owner's session and drops its data; returns false when it did not exist or has another owner. */
    Uni<Boolean> delete(String id, String owner);

    /**
     * Ends a session whoever owns it (the operator's console), exactly as its owner's {@link #delete} would.
     *
     * @return the owner of the session ended, or empty when there was none
     */
    Uni<Optional<String>> end(String id);

    /**
     * The newest sessions and workspaces of every replica, for the console: up to {@code limit} by creation time,
     * newest first, each with its {@code tools_used} and the replica holding one of its open streams. Expired ones are
     * left out (and forgotten by the index). Nothing on the path of a request is spent on this: creating a session
     * adds one index write, reading is done here.
     */
    Uni<List<SessionSummary>> recent(int limit);

    /** How many sessions and workspaces the fleet index holds (expired ones stay counted until a listing drops them). */
    Uni<Long> count();

    /** The session's tool calls, oldest first; empty when the session does not exist. */
    Uni<List<ToolUse>> toolsUsed(String id);

    /**
     * Adds an entry to a named, score-ordered collection that belongs to the session and expires with it.
     *
     * @return false when the session does not exist
     */
    Uni<Boolean> addEntry(String id, String collection, double score, String entry);

    /** Removes an entry from a session collection; false when it was not there. */
    Uni<Boolean> removeEntry(String id, String collection, String entry);

    /** Entries of a session collection with a score in {@code [min, max]}, in score order. */
    Uni<List<String>> entries(String id, String collection, double min, double max);

    /**
     * A server-wide value all replicas agree on, such as a signing key: stores {@code value} under {@code name}
     * unless a value is already there, and returns the value held. It never expires.
     */
    Uni<String> shared(String name, String value);

    /** Fails when the store cannot be reached. */
    Uni<Void> ping();

    /** A short description for logs and health checks, e.g. {@code redis} or {@code memory}. */
    String kind();
}
