package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool argument (a parameter or record component) or a result field; it becomes the {@code description}
 * in the JSON Schema. It also works as a meta-annotation: an annotation of your own that carries it (and
 * {@link McpHeader}, if any) describes every argument it marks, so a shared argument is described once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE,
    ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE
})
public @interface Description {

    String value();
}
