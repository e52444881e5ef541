package dev.switchboard.state;

import dev.switchboard.api.ScoredCollection;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolUse;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.session.SessionStore;
import java.util.List;

/** One session's or workspace's state: its collections and {@code tools_used} in the {@link SessionStore}. */
final class StoredScope implements StateScope {

    private final String id;
    private final boolean workspace;
    private final SessionStore store;
    private final JsonCodec json;

    StoredScope(String id, boolean workspace, SessionStore store, JsonCodec json) {
        this.id = id;
        this.workspace = workspace;
        this.store = store;
        this.json = json;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean workspace() {
        return workspace;
    }

    @Override
    public <T> ScoredCollection<T> collection(String name, Class<T> type) {
        return new ScoredCollection<>() {
            @Override
            public void add(double score, T value) {
                boolean added = store.addEntry(id, name, score, json.write(value))
                        .await()
                        .atMost(SessionToolState.STORE_TIMEOUT);
                if (!added) {
                    throw new ToolException(
                            "The session or workspace ended before this could be saved; start a new one");
                }
            }

            @Override
            public boolean remove(T value) {
                return store.removeEntry(id, name, json.write(value)).await().atMost(SessionToolState.STORE_TIMEOUT);
            }

            @Override
            public List<T> range(double min, double max) {
                return store.entries(id, name, min, max).await().atMost(SessionToolState.STORE_TIMEOUT).stream()
                        .map(entry -> json.read(entry, type))
                        .toList();
            }
        };
    }

    @Override
    public List<ToolUse> toolsUsed() {
        return store.toolsUsed(id).await().atMost(SessionToolState.STORE_TIMEOUT);
    }
}
