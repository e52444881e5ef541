package dev.switchboard.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.ReplicatedWrites;
import dev.switchboard.testing.ConfigMappings;
import dev.switchboard.testing.RedisTopology;
import io.vertx.mutiny.core.Vertx;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session-store contract on a Redis Cluster and on Redis with Sentinel ({@link RedisSessionStoreTest} runs it on
 * one server, in its test application). The store is built here with the contract's TTL and tools_used limit, over a
 * client of the topology's options: a test application of those limits on each topology would cost a Quarkus boot.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(
        value = RedisTopology.class,
        names = {"CLUSTER", "SENTINEL"})
class RedisSessionStoreTopologiesTest extends SessionStoreContract {

    private static Vertx vertx;
    private static RedisTopology.Client client;

    @Parameter
    RedisTopology topology;

    private RedisSessionStore store;

    @BeforeParameterizedClassInvocation
    static void connect(RedisTopology topology) {
        vertx = Vertx.vertx();
        client = topology.client(vertx);
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        client.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createStore() {
        store = new RedisSessionStore(
                client.dataSource(),
                ReplicatedWrites.detecting(client.dataSource()),
                new FleetIndexes(client.dataSource()),
                new JsonCodec(new ObjectMapper().findAndRegisterModules()),
                Clock.systemUTC(),
                ConfigMappings.of(
                        SwitchboardConfig.class,
                        "switchboard.sessions.ttl",
                        TTL.toString(),
                        "switchboard.sessions.tools-used-limit",
                        Integer.toString(TOOLS_USED_LIMIT)),
                ConfigMappings.of(SessionCacheConfig.class, "switchboard.sessions.near-cache.enabled", "false"));
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
