package dev.switchboard.protocol;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaRequestsContract} on one Redis server. */
@QuarkusTest
@SharedApp
class CrossReplicaRequestsTest extends CrossReplicaRequestsContract {}
