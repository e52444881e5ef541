package dev.switchboard.task;

/** The task-store contract on the in-memory store (dev mode). */
class InMemoryTaskStoreTest extends TaskStoreContract {

    private final InMemoryTaskStore store = new InMemoryTaskStore(clock);

    @Override
    protected TaskStore store() {
        return store;
    }
}
