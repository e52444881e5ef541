package dev.switchboard.api;

import java.util.List;

/**
 * Values of one {@link StateScope} ordered by a score, each stored once (as its JSON). Values are records the tool
 * owns; change one by removing the old value and adding the new.
 */
public interface ScoredCollection<T> {

    /**
     * Adds {@code value} at {@code score}.
     *
     * @throws ToolException when the session or workspace ended meanwhile
     */
    void add(double score, T value);

    /** Removes {@code value}; false when it was not there. */
    boolean remove(T value);

    /** The values scored within {@code [min, max]}, lowest first; infinities for an open range. */
    List<T> range(double min, double max);
}
