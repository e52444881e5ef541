package dev.switchboard.registry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated method bound to its bean: {@link #call} passes the context and the named arguments in the method's
 * parameter order. Failures the method throws reach the caller unwrapped.
 */
public final class MethodCall {

    private final Object bean;
    private final Method method;
    private final List<GeneratedTool.Parameter> parameters;

    private MethodCall(Object bean, Method method, List<GeneratedTool.Parameter> parameters) {
        this.bean = bean;
        this.method = method;
        this.parameters = parameters;
    }

    /**
     * Finds the bean and the method, or nothing when a conditional bean is switched off.
     *
     * @throws IllegalStateException when the registry file and the classes disagree (a stale build)
     */
    public static Optional<MethodCall> bind(GeneratedMethod generated) {
        Class<?> type = load(generated.beanClass());
        Optional<Object> bean = CdiBeans.find(type);
        if (bean.isEmpty()) {
            if (generated.conditional()) {
                return Optional.empty();
            }
            throw new IllegalStateException("Bean " + generated.beanClass() + " declares " + generated.name()
                    + "() but is not a CDI bean here: rebuild with ./mvnw package");
        }
        Class<?>[] types = generated.parameters().stream()
                .map(parameter -> load(parameter.type()))
                .toArray(Class<?>[]::new);
        try {
            return Optional.of(
                    new MethodCall(bean.get(), type.getMethod(generated.name(), types), generated.parameters()));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Method " + generated.beanClass() + "#" + generated.name()
                    + " no longer matches the registry the build wrote: rebuild with ./mvnw package");
        }
    }

    private static Class<?> load(String name) {
        try {
            return TypeNames.load(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Class " + name + " named by the registry the build wrote is gone: rebuild with ./mvnw package");
        }
    }

    /** Calls the method with {@code context} for its context parameter and {@code arguments} by name. */
    public Object call(Object context, Map<String, ?> arguments) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            GeneratedTool.Parameter parameter = parameters.get(i);
            values[i] = parameter.role() == GeneratedTool.Role.CONTEXT ? context : arguments.get(parameter.name());
        }
        try {
            return method.invoke(bean, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        }
    }
}
