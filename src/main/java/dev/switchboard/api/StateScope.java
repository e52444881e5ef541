package dev.switchboard.api;

import java.util.List;

/** The state of one session or workspace (see {@link ToolState}). */
public interface StateScope {

    /** The session id or the workspace handle. */
    String id();

    /** True for a workspace, false for a session. */
    boolean workspace();

    /**
     * A collection of values ordered by a score (a time, say), kept as JSON: in Redis, a sorted set per scope, so a
     * range is one range query.
     */
    <T> ScoredCollection<T> collection(String name, Class<T> type);

    /** The tool calls made in this scope, oldest first (the original article's {@code tools_used}). */
    List<ToolUse> toolsUsed();
}
