package dev.switchboard.security.limits;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;

/** {@link RedisSessionQuotaContract} on one Redis server. */
@QuarkusTest
@SharedApp
class RedisSessionQuotaTest extends RedisSessionQuotaContract {}
