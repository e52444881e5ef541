package dev.switchboard.build;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;

/**
 * Finds {@link Description} and {@link McpHeader} on an argument, directly or through an annotation of the author's
 * that carries them (a shared argument described once).
 */
final class ArgumentAnnotations {

    private ArgumentAnnotations() {}

    static <A extends Annotation> A find(AnnotatedElement element, Class<A> type) {
        A direct = element.getAnnotation(type);
        if (direct != null) {
            return direct;
        }
        for (Annotation annotation : element.getAnnotations()) {
            A meta = annotation.annotationType().getAnnotation(type);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }

    static String description(AnnotatedElement element) {
        Description description = find(element, Description.class);
        return description == null ? null : description.value();
    }

    static String header(AnnotatedElement element) {
        McpHeader header = find(element, McpHeader.class);
        return header == null ? null : header.value();
    }
}
