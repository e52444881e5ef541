package dev.switchboard.resource;

import dev.switchboard.registry.GeneratedMethod;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A {@code @ResourceTemplate} method as the build describes it in {@value #LOCATION}.
 *
 * @param descriptor what {@code resources/templates/list} sends
 * @param method the method that reads a matching URI, its arguments named after the template's variables
 */
@RegisterForReflection
public record GeneratedResourceTemplate(ResourceTemplateDescriptor descriptor, GeneratedMethod method) {

    /** The registry file inside the jar; one per class-path root. */
    public static final String LOCATION = "META-INF/switchboard/resource-templates.json";
}
