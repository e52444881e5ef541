package dev.switchboard.state.memory;

import dev.switchboard.testing.ClusterApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisMemoryStoreContract} on a Redis Cluster (3 masters, a replica each). */
@QuarkusTest
@ClusterApp
class RedisMemoryStoreClusterTest extends RedisMemoryStoreContract {}
