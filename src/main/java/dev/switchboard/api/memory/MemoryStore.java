package dev.switchboard.api.memory;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Where long-term memories live, per {@link MemoryScope}: apart from sessions, since memories outlive them. Each
 * memory is kept for the configured retention after it was stored or last {@link #refresh refreshed}; a scope keeps
 * at most the configured number of memories, dropping the least recently used one to make room. An operation on one
 * scope never reads or changes another's memories.
 */
public interface MemoryStore {

    /**
     * Stores a memory; when the scope is full, first forgets its least recently stored or refreshed memories.
     *
     * @return the ids forgotten to make room, usually none
     */
    Uni<List<String>> add(MemoryScope scope, Memory memory);

    /** The scope's kept memories, most recently stored or refreshed first, at most the configured bound. */
    Uni<List<Memory>> all(MemoryScope scope);

    /** Restarts the retention of those of {@code ids} the scope still keeps (memories a recall returned). */
    Uni<Void> refresh(MemoryScope scope, List<String> ids);

    /** Forgets a memory and returns it; empty when the scope keeps no memory with that id. */
    Uni<Optional<Memory>> remove(MemoryScope scope, String id);

    /** {@code redis} or {@code memory}, for logs. */
    String kind();
}
