package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public method of a CDI bean a prompt template clients list with {@code prompts/list} and fill in with
 * {@code prompts/get}; a bean may declare several, beside its tools and resources. The method's {@link String}
 * parameters are the prompt's arguments, named as in the source (compile with {@code -parameters}), described by
 * {@link Description}, required when {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}, and checked by their
 * constraints first. A parameter of type {@link PromptContext} receives the request's context (and may ask the client
 * for input). It returns a {@link PromptResult}, or a {@link String} sent as one user message.
 *
 * <p>On a class implementing {@link McpPrompt} the same annotation declares that class as one prompt (which can also
 * suggest argument values for {@code completion/complete}); it must then give {@link #name}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Prompt {

    /** Unique name. Empty (the default): the method's name. */
    String name() default "";

    String title() default "";

    /** What the prompt is for. */
    String description();

    String[] icons() default {};
}
