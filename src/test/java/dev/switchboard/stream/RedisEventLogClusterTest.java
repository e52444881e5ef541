package dev.switchboard.stream;

import dev.switchboard.testing.ClusterApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisEventLogContract} on a Redis Cluster (3 masters, a replica each). */
@QuarkusTest
@ClusterApp
class RedisEventLogClusterTest extends RedisEventLogContract {}
