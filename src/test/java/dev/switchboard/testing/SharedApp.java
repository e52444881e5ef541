package dev.switchboard.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application most {@code @QuarkusTest} classes share: the test configuration (test tools included), sessions in
 * a private redis-server ({@link RedisServerResource}) and the agent's model server played by WireMock
 * ({@link ModelServerStub}). Quarkus builds and starts one application per test profile and set of test resources,
 * and each costs a boot of about 15 s on two cores, so a test that needs no other settings carries exactly this, and
 * no {@code @TestProfile}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ModelServerStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
public @interface SharedApp {}
