package dev.switchboard.state.memory;

import dev.switchboard.api.memory.MemoryStore;

/** The memory-store contract on the in-memory store (dev mode). */
class InMemoryMemoryStoreTest extends MemoryStoreContract {

    private final InMemoryMemoryStore store = new InMemoryMemoryStore(clock, RETENTION, MAX_ENTRIES);

    @Override
    protected MemoryStore store() {
        return store;
    }
}
