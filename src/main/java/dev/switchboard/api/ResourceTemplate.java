package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a CDI bean a family of resources named by an RFC 6570 URI template, listed by
 * {@code resources/templates/list}; a {@code resources/read} whose URI matches comes to the method. Its
 * {@link String} parameters receive the template variables of the same names, decoded (compile with
 * {@code -parameters}); it may also take a {@link ResourceContext}. It returns {@link ResourceContents}, or a
 * {@link String} sent as text with {@link #mimeType}, and throws {@link ResourceNotFoundException} when no resource
 * exists for these variables.
 *
 * <p>On a class implementing {@link McpResourceTemplate} the same annotation declares that class as one template
 * (which can also suggest values for {@code completion/complete}); it must then give {@link #name}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ResourceTemplate {

    /** A level-1 URI template, e.g. {@code test://template/{id}/data}. */
    String uriTemplate();

    /** A short machine-friendly name. Empty (the default): the method's name. */
    String name() default "";

    String title() default "";

    String description() default "";

    String mimeType() default "";

    String[] icons() default {};
}
