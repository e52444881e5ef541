package dev.switchboard.stream;

import dev.switchboard.testing.ClusterApp;
import dev.switchboard.testing.RedisTopology;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaStreamContract} on a Redis Cluster. */
@QuarkusTest
@ClusterApp
class CrossReplicaStreamClusterTest extends CrossReplicaStreamContract {
    @Override
    protected long subscribers(String channel) {
        return RedisTopology.CLUSTER.subscribers(channel);
    }
}
