package dev.switchboard.protocol;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaRequestsContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class CrossReplicaRequestsSentinelTest extends CrossReplicaRequestsContract {}
