package dev.switchboard.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test application with the test configuration (as {@link SharedApp}, without the model server) and sessions in
 * a Redis Cluster of 3 masters with a replica each ({@link RedisClusterServers}), reached as a user's deployment
 * would: {@code quarkus.redis.client-type=cluster} and every node in {@code quarkus.redis.hosts}. The classes carrying
 * exactly this share one application, which costs a restart of well under a second (the build is the one of
 * {@link SharedApp}'s): the Redis tests that must hold on every topology.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RedisClusterServers.Resource.class, scope = TestResourceScope.MATCHING_RESOURCES)
public @interface ClusterApp {}
