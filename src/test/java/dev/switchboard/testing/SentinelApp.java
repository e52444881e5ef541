package dev.switchboard.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test application with the test configuration (as {@link SharedApp}, without the model server) and sessions in
 * Redis with Sentinel ({@link RedisSentinelServers}), reached as a user's deployment would:
 * {@code quarkus.redis.client-type=sentinel}, the three sentinels in {@code quarkus.redis.hosts},
 * {@code quarkus.redis.master-name} and {@code quarkus.redis.role=master}. The classes carrying exactly this share one
 * application, which costs a restart of well under a second (the build is the one of {@link SharedApp}'s): the Redis
 * tests that must hold on every topology.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RedisSentinelServers.Resource.class, scope = TestResourceScope.MATCHING_RESOURCES)
public @interface SentinelApp {}
