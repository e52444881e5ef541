package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an {@link McpResource} bean: a resource with a fixed URI. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ResourceDefinition {

    /** The resource's URI, unique on this server. */
    String uri();

    /** A short machine-friendly name. */
    String name();

    /** Human-readable name; empty for none. */
    String title() default "";

    /** What the resource holds. */
    String description() default "";

    /** The MIME type of its contents; empty when unknown. */
    String mimeType() default "";

    /** Icon URLs a client may show. */
    String[] icons() default {};

    /**
     * True for a resource that belongs to the reading session (its calendar, say): listed and readable only in the
     * session era, since 2026-07-28 requests have no session.
     */
    boolean sessionScoped() default false;
}
