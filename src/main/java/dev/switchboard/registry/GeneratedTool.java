package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;

/**
 * One tool as the build describes it in {@code META-INF/switchboard/tools.json}: everything start-up needs to serve
 * it without looking at the class beyond finding the bean and its method.
 *
 * @param descriptor what {@code tools/list} sends, schemas included
 * @param beanClass the CDI bean class that declares the tool
 * @param method the {@code @Tool} method, or null for an {@code McpTool} class
 * @param parameters the method's parameters in order (empty for an {@code McpTool} class)
 * @param argumentType for an {@code McpTool} class, its argument type (a record, or {@code JsonNode} for raw JSON)
 * @param blocking false when the {@code @Tool} says so (an {@code McpTool} class answers for itself)
 * @param conditional the bean is enabled or disabled by a build property or profile, so it may be absent
 * @param timeoutSeconds the tool's own time limit; 0 for the server default
 * @param scopes the OAuth scopes a caller needs ({@code @RequiresScopes} on the class or method)
 * @param wrapsResult the result is not a JSON object, so it is sent as {@code {"result": ...}}
 * @param view the tool's view ({@code @AppView}), or null for none
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeneratedTool(
        ToolDescriptor descriptor,
        String beanClass,
        String method,
        List<Parameter> parameters,
        String argumentType,
        boolean blocking,
        boolean conditional,
        long timeoutSeconds,
        Set<String> scopes,
        boolean wrapsResult,
        ViewLink view) {

    /** The registry file inside the jar; one per class-path root (application classes, test classes). */
    public static final String LOCATION = "META-INF/switchboard/tools.json";

    public GeneratedTool {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** True for a tool declared by a {@code @Tool} method rather than an {@code McpTool} class. */
    public boolean declaredByMethod() {
        return method != null;
    }

    /**
     * One parameter of a {@code @Tool} method.
     *
     * @param type the erased type's name, as {@link Class#getName()} gives it
     * @param role what start-up passes for it
     * @param name the argument's name (for {@link Role#ARGUMENT})
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parameter(String type, Role role, String name) {}

    /** What a {@code @Tool} method's parameter receives. */
    public enum Role {
        /** One argument, by name. */
        ARGUMENT,
        /** All the arguments, bound to one record. */
        ARGUMENTS,
        /** The call's {@code ToolContext}. */
        CONTEXT
    }
}
