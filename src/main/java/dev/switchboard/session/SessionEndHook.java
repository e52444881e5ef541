package dev.switchboard.session;

import io.smallrye.mutiny.Uni;

/**
 * Work to do when a session ends (its client's {@code DELETE}, or the console's End), prepared before the session's
 * data is deleted, since what the work needs may be part of that data. Implementations are CDI beans.
 */
public interface SessionEndHook {

    /** Does nothing. */
    Runnable NOTHING = () -> {};

    /**
     * Reads what the work needs of the session, without blocking.
     *
     * @return the work, run only once the session has really been ended (by its owner)
     */
    Uni<Runnable> prepare(String sessionId);
}
