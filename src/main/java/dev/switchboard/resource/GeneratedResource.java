package dev.switchboard.resource;

import dev.switchboard.registry.GeneratedMethod;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A {@code @Resource} method as the build describes it in {@value #LOCATION}.
 *
 * @param descriptor what {@code resources/list} sends
 * @param sessionScoped readable only in the session era
 * @param method the method that reads it
 */
@RegisterForReflection
public record GeneratedResource(ResourceDescriptor descriptor, boolean sessionScoped, GeneratedMethod method) {

    /** The registry file inside the jar; one per class-path root. */
    public static final String LOCATION = "META-INF/switchboard/resources.json";
}
