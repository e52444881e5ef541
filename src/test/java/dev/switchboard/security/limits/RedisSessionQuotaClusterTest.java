package dev.switchboard.security.limits;

import dev.switchboard.testing.ClusterApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisSessionQuotaContract} on a Redis Cluster (3 masters, a replica each). */
@QuarkusTest
@ClusterApp
class RedisSessionQuotaClusterTest extends RedisSessionQuotaContract {}
