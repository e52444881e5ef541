package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code @Tool} method: each argument bound to its parameter, then the method called on the bean. Constraints on
 * the parameters are checked by Hibernate Validator's method-validation interceptor, which Quarkus puts on every bean
 * method with constraints; its violations of this method's parameters become {@link InvalidArgumentsException}s.
 */
final class MethodToolInvoker implements ToolInvoker {

    /** What one parameter receives. */
    private interface Slot {
        Object value(ObjectNode arguments, ToolContext context);
    }

    private final String toolName;
    private final Object bean;
    private final Class<?> beanClass;
    private final Method method;
    private final Slot[] slots;
    private final Set<String> names;
    /** False when a record takes all the arguments: its binder refuses unknown ones itself. */
    private final boolean checksNames;

    private final boolean blocking;

    MethodToolInvoker(
            GeneratedTool tool,
            Object bean,
            Class<?> beanClass,
            Method method,
            ObjectMapper mapper,
            Validator validator) {
        this.toolName = tool.descriptor().name();
        this.bean = bean;
        this.beanClass = beanClass;
        this.method = method;
        this.blocking = tool.blocking();
        this.slots = new Slot[tool.parameters().size()];
        this.names = new LinkedHashSet<>();
        this.checksNames =
                tool.parameters().stream().noneMatch(parameter -> parameter.role() == GeneratedTool.Role.ARGUMENTS);
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < slots.length; i++) {
            GeneratedTool.Parameter parameter = tool.parameters().get(i);
            slots[i] = switch (parameter.role()) {
                case CONTEXT -> (arguments, context) -> context;
                case ARGUMENTS -> {
                    ArgumentBinder binder =
                            new ArgumentBinder(toolName, method.getParameterTypes()[i], mapper, validator);
                    yield (arguments, context) -> binder.bind(arguments);
                }
                case ARGUMENT -> {
                    names.add(parameter.name());
                    yield argument(parameter.name(), mapper.constructType(types[i]), mapper);
                }
            };
        }
    }

    /** One named argument: absent or null gives null, or an empty {@link Optional}; a primitive must be given. */
    private Slot argument(String name, JavaType type, ObjectMapper mapper) {
        boolean optional = type.getRawClass() == Optional.class;
        JavaType valueType = optional ? type.containedType(0) : type;
        ObjectReader reader = ArgumentBinder.strictReader(mapper, valueType);
        boolean primitive = valueType.isPrimitive();
        return (arguments, context) -> {
            JsonNode node = arguments.get(name);
            if (node == null || node.isNull()) {
                if (primitive) {
                    throw ArgumentErrors.invalid(toolName, "'" + name + "' is required");
                }
                return optional ? Optional.empty() : null;
            }
            try {
                Object value = reader.readValue(node);
                return optional ? Optional.ofNullable(value) : value;
            } catch (JsonMappingException e) {
                throw ArgumentErrors.mismatch(toolName, name, e);
            } catch (IOException e) {
                throw ArgumentErrors.invalid(toolName, "'" + name + "' " + e.getMessage());
            }
        };
    }

    @Override
    public Object invoke(JsonNode json, ToolContext context) {
        ObjectNode arguments = ArgumentErrors.object(toolName, json);
        if (checksNames && arguments.size() > 0) {
            for (Iterator<String> given = arguments.fieldNames(); given.hasNext(); ) {
                String name = given.next();
                if (!names.contains(name)) {
                    throw ArgumentErrors.unknown(toolName, name, names);
                }
            }
        }
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i].value(arguments, context);
        }
        try {
            return method.invoke(bean, values);
        } catch (InvocationTargetException e) {
            throw unwrap(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Tool '" + toolName + "' cannot be called: " + e.getMessage(), e);
        }
    }

    private RuntimeException unwrap(Throwable failure) {
        if (failure instanceof ConstraintViolationException violations && ofMyParameters(violations)) {
            return ArgumentErrors.violated(
                    toolName, violations.getConstraintViolations(), MethodToolInvoker::argumentPath);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("Tool '" + toolName + "' failed: " + failure, failure);
    }

    /** Violations of this method's parameters are the caller's mistake; any other one is the tool's own failure. */
    private boolean ofMyParameters(ConstraintViolationException violations) {
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            Iterator<Path.Node> path = violation.getPropertyPath().iterator();
            if (!beanClass.isAssignableFrom(violation.getRootBeanClass())
                    || !path.hasNext()
                    || !method.getName().equals(path.next().getName())
                    || !path.hasNext()
                    || path.next().getKind() != ElementKind.PARAMETER) {
                return false;
            }
        }
        return true;
    }

    /** {@code add.title} as the model knows it: {@code title}. */
    private static String argumentPath(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.indexOf('.') + 1);
    }

    @Override
    public boolean blocking() {
        return blocking;
    }
}
