package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a CDI bean a resource with a fixed URI, listed by {@code resources/list} and read by
 * {@code resources/read}; a bean may declare several, beside its tools and prompts. The build finds the method, as it
 * finds {@link Tool} methods. The method may take a {@link ResourceContext} and returns {@link ResourceContents}, or a
 * {@link String} sent as text with {@link #mimeType}. It runs on a worker thread and may block; throw
 * {@link ResourceNotFoundException} when there is nothing to read.
 *
 * <p>On a class implementing {@link McpResource} the same annotation declares that class as one resource; it must
 * then give {@link #name}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Resource {

    /** The resource's URI, unique on this server. */
    String uri();

    /** A short machine-friendly name. Empty (the default): the method's name. */
    String name() default "";

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
