package dev.switchboard.stream;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link CrossReplicaStreamContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class CrossReplicaStreamSentinelTest extends CrossReplicaStreamContract {}
