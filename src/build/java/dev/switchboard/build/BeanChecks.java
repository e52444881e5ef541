package dev.switchboard.build;

import dev.switchboard.api.RequiresScopes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the build checks and records about a bean that declares tools, resources or prompts. */
final class BeanChecks {

    /** Annotations that enable or disable a bean per build or per lookup, so its absence at run time is expected. */
    private static final Set<String> CONDITIONS = Set.of(
            "IfBuildProperty",
            "UnlessBuildProperty",
            "IfBuildProfile",
            "UnlessBuildProfile",
            "LookupIfProperty",
            "LookupUnlessProperty");

    private BeanChecks() {}

    /** The OAuth scopes a caller needs: {@code @RequiresScopes} on the class and on the method (null for none). */
    static Set<String> scopes(Class<?> type, Method method) {
        Set<String> scopes = new TreeSet<>();
        for (RequiresScopes declared : new RequiresScopes[] {
            type.getAnnotation(RequiresScopes.class), method == null ? null : method.getAnnotation(RequiresScopes.class)
        }) {
            if (declared != null) {
                scopes.addAll(List.of(declared.value()));
            }
        }
        return scopes;
    }

    static boolean conditional(Class<?> type) {
        return Arrays.stream(type.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> CONDITIONS.contains(annotation.getSimpleName())
                        || (annotation.getEnclosingClass() != null
                                && CONDITIONS.contains(
                                        annotation.getEnclosingClass().getSimpleName())));
    }

    /** An annotated member must be a public instance method of a public class, which start-up calls on the bean. */
    static void requirePublic(String where, Class<?> type, Method method) {
        if (!Modifier.isPublic(method.getModifiers())
                || Modifier.isStatic(method.getModifiers())
                || !Modifier.isPublic(type.getModifiers())) {
            throw new BuildProblem(where + " must be a public instance method of a public class");
        }
    }

    /** Start-up finds the declaring class through CDI, so it must be a bean it can create. */
    static void requireBean(Class<?> type, boolean concrete, String what) {
        boolean nestedInner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
        if (!concrete || nestedInner) {
            throw new BuildProblem(type.getName() + " declares " + what
                    + ", so it must be a concrete, top-level or static nested class");
        }
        boolean bean = Arrays.stream(type.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getName().equals("jakarta.enterprise.context.Dependent")
                        || annotation.isAnnotationPresent(jakarta.enterprise.context.NormalScope.class)
                        || annotation.isAnnotationPresent(jakarta.inject.Scope.class)
                        || annotation.isAnnotationPresent(jakarta.enterprise.inject.Stereotype.class));
        if (!bean) {
            throw new BuildProblem(type.getName() + " declares " + what
                    + " but is not a CDI bean: annotate it with @ApplicationScoped");
        }
    }
}
