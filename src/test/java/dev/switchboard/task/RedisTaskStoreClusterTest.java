package dev.switchboard.task;

import dev.switchboard.testing.ClusterApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisTaskStoreContract} on a Redis Cluster (3 masters, a replica each). */
@QuarkusTest
@ClusterApp
class RedisTaskStoreClusterTest extends RedisTaskStoreContract {}
