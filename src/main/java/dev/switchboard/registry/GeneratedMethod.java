package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;

/**
 * A resource, resource template or prompt method as the build describes it: where start-up finds the bean and the
 * method, and what each parameter receives.
 *
 * @param beanClass the CDI bean class that declares the method
 * @param name the method's name
 * @param parameters the method's parameters in order: {@link GeneratedTool.Role#CONTEXT} or a named
 *     {@link GeneratedTool.Role#ARGUMENT} (a template variable or prompt argument)
 * @param conditional the bean is enabled or disabled by a build property or profile, so it may be absent
 * @param scopes the OAuth scopes a caller needs ({@code @RequiresScopes} on the class or method)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeneratedMethod(
        String beanClass,
        String name,
        List<GeneratedTool.Parameter> parameters,
        boolean conditional,
        Set<String> scopes) {

    public GeneratedMethod {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** The names of the {@link GeneratedTool.Role#ARGUMENT} parameters, in order. */
    public List<String> argumentNames() {
        return parameters.stream()
                .filter(parameter -> parameter.role() == GeneratedTool.Role.ARGUMENT)
                .map(GeneratedTool.Parameter::name)
                .toList();
    }
}
