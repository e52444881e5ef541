package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an {@link McpPrompt} bean: a prompt template clients can list and fill in. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PromptDefinition {

    /** Unique name. */
    String name();

    String title() default "";

    /** What the prompt is for. */
    String description();

    String[] icons() default {};
}
