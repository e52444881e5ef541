package dev.switchboard.state.memory;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisMemoryStoreContract} on one Redis server. */
@QuarkusTest
@SharedApp
class RedisMemoryStoreTest extends RedisMemoryStoreContract {}
