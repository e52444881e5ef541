package dev.switchboard.stream;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisEventLogContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class RedisEventLogSentinelTest extends RedisEventLogContract {}
