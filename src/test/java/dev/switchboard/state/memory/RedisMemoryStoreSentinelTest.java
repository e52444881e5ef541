package dev.switchboard.state.memory;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisMemoryStoreContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class RedisMemoryStoreSentinelTest extends RedisMemoryStoreContract {}
