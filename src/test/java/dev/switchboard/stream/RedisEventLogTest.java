package dev.switchboard.stream;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisEventLogContract} on one Redis server. */
@QuarkusTest
@SharedApp
class RedisEventLogTest extends RedisEventLogContract {}
