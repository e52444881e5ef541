package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an {@link McpResourceTemplate} bean: a family of resources named by an RFC 6570 URI template. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ResourceTemplateDefinition {

    /** A level-1 URI template, e.g. {@code test://template/{id}/data}. */
    String uriTemplate();

    String name();

    String title() default "";

    String description() default "";

    String mimeType() default "";

    String[] icons() default {};
}
