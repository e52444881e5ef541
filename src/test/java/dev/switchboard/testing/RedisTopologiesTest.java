package dev.switchboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test topologies come up as described: a 3-master cluster with a replica each, and a Sentinel-watched pair. */
class RedisTopologiesTest {

    private static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void theClusterHasThreeMastersEachWithAReplicaCoveringEverySlot() {
        RedisClusterServers cluster = RedisClusterServers.get();
        System.out.println("Redis Cluster started in " + cluster.startUp().toMillis() + " ms");
        assertEquals(RedisClusterServers.MASTERS, cluster.masters().size());

        Map<String, String> masterOf = new HashMap<>();
        Map<String, Integer> slots = new HashMap<>();
        for (String line : ((String) cluster.nodes().get(0).call("CLUSTER", "NODES")).split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields[2].contains("slave")) {
                masterOf.put(fields[0], fields[3]);
            } else {
                int count = 0;
                for (int i = 8; i < fields.length; i++) {
                    String[] range = fields[i].split("-");
                    count += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
                }
                slots.put(fields[0], count);
            }
        }
        assertEquals(RedisClusterServers.MASTERS, slots.size());
        assertEquals(16_384, slots.values().stream().mapToInt(Integer::intValue).sum(), "every slot is served");
        assertEquals(slots.keySet(), Set.copyOf(masterOf.values()), "each master has a replica: " + masterOf);

        Redis client = Redis.createClient(vertx, cluster.options());
        try {
            for (int i = 0; i < 30; i++) { // keys on slots of all three masters
                client.sendAndAwait(
                        Request.cmd(Command.SET).arg("topology:" + i).arg(Integer.toString(i)));
            }
            for (int i = 0; i < 30; i++) {
                assertEquals(
                        Integer.toString(i),
                        client.sendAndAwait(Request.cmd(Command.GET).arg("topology:" + i))
                                .toString());
            }
        } finally {
            client.close();
        }
        assertTrue(RedisClusterServers.get() == cluster, "started once per JVM");
    }

    /** docs/deployment.md: one reachable node in quarkus.redis.hosts is enough, the client learns the others. */
    @Test
    void aClusterClientNeedsOneNodeListed() {
        RedisClusterServers cluster = RedisClusterServers.get();
        RedisProcess replica = cluster.nodes().stream()
                .filter(node -> "slave".equals(RedisProcess.field(node.call("INFO", "replication"), "role")))
                .findFirst()
                .orElseThrow();
        Redis client = Redis.createClient(
                vertx,
                new io.vertx.redis.client.RedisOptions()
                        .setType(io.vertx.redis.client.RedisClientType.CLUSTER)
                        .setConnectionString(replica.url()));
        try {
            for (int i = 0; i < 30; i++) { // keys on slots of all three masters
                client.sendAndAwait(
                        Request.cmd(Command.SET).arg("one-node:" + i).arg(Integer.toString(i)));
                assertEquals(
                        Integer.toString(i),
                        client.sendAndAwait(Request.cmd(Command.GET).arg("one-node:" + i))
                                .toString());
            }
        } finally {
            client.close();
        }
    }

    @Test
    void theSentinelsAgreeOnTheMasterAndItsReplicaFollowsIt() {
        RedisSentinelServers sentinel = RedisSentinelServers.get();
        System.out.println("Redis Sentinel started in " + sentinel.startUp().toMillis() + " ms");
        assertEquals(sentinel.master().port(), sentinel.currentMasterPort());
        assertEquals("slave", RedisProcess.field(sentinel.replica().call("INFO", "replication"), "role"));

        Redis client = Redis.createClient(vertx, sentinel.options());
        try {
            client.sendAndAwait(
                    Request.cmd(Command.SET).arg("topology:sentinel").arg("written"));
            assertEquals(
                    "written", sentinel.master().call("GET", "topology:sentinel"), "the client writes to the master");
            Await.until(
                    Duration.ofSeconds(5),
                    () -> "the replica did not follow",
                    () -> "written".equals(sentinel.replica().call("GET", "topology:sentinel")));
        } finally {
            client.close();
        }
        List<String> names = new ArrayList<>();
        sentinel.sentinels().forEach(one -> names.add(one.name()));
        assertEquals(RedisSentinelServers.SENTINELS, names.size());
        assertTrue(RedisSentinelServers.get() == sentinel, "started once per JVM");
    }
}
