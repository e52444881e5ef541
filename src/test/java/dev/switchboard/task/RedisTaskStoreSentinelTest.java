package dev.switchboard.task;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisTaskStoreContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class RedisTaskStoreSentinelTest extends RedisTaskStoreContract {}
