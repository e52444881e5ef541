package dev.switchboard.security.limits;

import dev.switchboard.testing.SentinelApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisSessionQuotaContract} on Redis with Sentinel. */
@QuarkusTest
@SentinelApp
class RedisSessionQuotaSentinelTest extends RedisSessionQuotaContract {}
