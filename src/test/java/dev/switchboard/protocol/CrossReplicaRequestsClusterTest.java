package dev.switchboard.protocol;

import dev.switchboard.testing.ClusterApp;
import dev.switchboard.testing.RedisTopology;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaRequestsContract} on a Redis Cluster. */
@QuarkusTest
@ClusterApp
class CrossReplicaRequestsClusterTest extends CrossReplicaRequestsContract {
    @Override
    protected long subscribers(String channel) {
        return RedisTopology.CLUSTER.subscribers(channel);
    }
}
