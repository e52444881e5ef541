package dev.switchboard.task;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisTaskStoreContract} on one Redis server. */
@QuarkusTest
@SharedApp
class RedisTaskStoreTest extends RedisTaskStoreContract {}
