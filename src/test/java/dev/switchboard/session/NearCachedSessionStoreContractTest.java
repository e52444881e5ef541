package dev.switchboard.session;

import dev.switchboard.testing.RedisTopology;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The session-store contract on the near-cached Redis store (one server; {@link NearCachedSessionStoreTest} checks its
 * promises between replicas on one server and on a Redis Cluster). Copies last 200 ms, so the contract's pauses of half
 * a TTL go to Redis and slide it, as a store without a cache would.
 */
class NearCachedSessionStoreContractTest extends SessionStoreContract {

    private static Vertx vertx;
    private static RedisTopology.Client client;

    private NearCachedSessionStore store;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        client = RedisTopology.STANDALONE.client(vertx);
    }

    @AfterAll
    static void disconnect() {
        client.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createStore() {
        store = NearCachedSessionStoreTest.replica(
                client, vertx, "200ms", "100ms", NearCachedSessionStoreTest.changesChannel());
    }

    @AfterEach
    void stopStore() {
        store.stop().await().atMost(Duration.ofSeconds(5));
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
