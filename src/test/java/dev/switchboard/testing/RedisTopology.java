package dev.switchboard.testing;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.util.List;

/**
 * The three ways Switchboard's replicas may reach Redis, for tests that run on each: one server, a Redis Cluster
 * ({@link RedisClusterServers}) and a master watched by Sentinel ({@link RedisSentinelServers}). Each is started on
 * first use and shared by the whole test JVM.
 */
public enum RedisTopology {
    STANDALONE {
        @Override
        public RedisOptions options() {
            return new RedisOptions().setConnectionString(Standalone.SERVER.url());
        }

        @Override
        List<RedisProcess> pubSubNodes() {
            return List.of(Standalone.SERVER.process());
        }
    },
    CLUSTER {
        @Override
        public RedisOptions options() {
            return RedisClusterServers.get().options();
        }

        @Override
        List<RedisProcess> pubSubNodes() {
            return RedisClusterServers.get().nodes();
        }
    },
    SENTINEL {
        @Override
        public RedisOptions options() {
            return RedisSentinelServers.get().options();
        }

        @Override
        List<RedisProcess> pubSubNodes() {
            RedisSentinelServers setup = RedisSentinelServers.get();
            return List.of(setup.master(), setup.replica());
        }
    };

    /** Options for a Vert.x Redis client of this topology, as Quarkus builds them from a user's configuration. */
    public abstract RedisOptions options();

    /** Every server of the topology (sentinels aside): a client may hold a subscription on any of them. */
    abstract List<RedisProcess> pubSubNodes();

    /**
     * Forgets every loaded Lua script on every server, as a restart or a failover to a replica does (scripts are kept
     * per server, and a client's {@code SCRIPT FLUSH} reaches only the one it happens to ask).
     */
    public void flushScripts() {
        for (RedisProcess node : pubSubNodes()) {
            if (node.alive()) {
                node.call("SCRIPT", "FLUSH");
            }
        }
    }

    /**
     * A client of its own (the application's pool limits) and the Quarkus data source over it, as a replica has:
     * close it after use.
     */
    public Client client(Vertx vertx) {
        Redis redis = Redis.createClient(vertx, options().setMaxPoolSize(32).setMaxPoolWaiting(4096));
        return new Client(redis, new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis)));
    }

    /**
     * How many connections are subscribed to {@code channel}, counted on every server of the topology: Redis answers
     * {@code PUBSUB NUMSUB} with the subscribers of the server asked, and a cluster client subscribes on one node of
     * its choosing.
     */
    public long subscribers(String channel) {
        long count = 0;
        for (RedisProcess node : pubSubNodes()) {
            if (node.alive()) {
                List<?> reply = (List<?>) node.call("PUBSUB", "NUMSUB", channel);
                count += (Long) reply.get(1);
            }
        }
        return count;
    }

    /**
     * How many times {@code command} (lower case, e.g. {@code evalsha}) has run, on every server of the topology, from
     * {@code INFO commandstats}. Counts one command alone, unlike the servers' totals, which replication and the
     * cluster's own traffic keep raising.
     */
    public long calls(String command) {
        long count = 0;
        for (RedisProcess node : pubSubNodes()) {
            if (node.alive()) {
                String stats = RedisProcess.field(node.call("INFO", "commandstats"), "cmdstat_" + command);
                if (stats != null) {
                    count += Long.parseLong(stats.substring("calls=".length(), stats.indexOf(',')));
                }
            }
        }
        return count;
    }

    /** A Redis client and the data source over it. */
    public record Client(Redis redis, ReactiveRedisDataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            redis.close();
        }
    }

    /** The standalone server of plain (non-Quarkus) tests, started on first use, stopped when the JVM exits. */
    private static final class Standalone {

        static final RedisServerResource SERVER = start();

        private static RedisServerResource start() {
            RedisServerResource server = new RedisServerResource();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "redis-standalone-stop"));
            return server;
        }
    }
}
