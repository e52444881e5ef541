package dev.switchboard.stream;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaStreamContract} on one Redis server. */
@QuarkusTest
@SharedApp
class CrossReplicaStreamTest extends CrossReplicaStreamContract {}
