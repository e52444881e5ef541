package dev.switchboard.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Map;
import java.util.TreeMap;

/**
 * The native-image reflection configuration the tools need ({@code reflect-config.json}): each tool method, so
 * start-up can find and call it, and every application type Jackson binds for its arguments and results, found by
 * walking record components, fields and type arguments. Authors never write {@code @RegisterForReflection}.
 */
final class ReflectionConfig {

    private final Map<String, ObjectNode> entries = new TreeMap<>();
    private final ObjectMapper mapper;

    ReflectionConfig(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tool method: found by name and parameter types at start-up, then called. */
    void method(Method method) {
        ObjectNode entry = entries.computeIfAbsent(method.getDeclaringClass().getName(), this::entry);
        entry.put("queryAllPublicMethods", true);
        ObjectNode described = entry.withArray("methods").addObject().put("name", method.getName());
        ArrayNode parameterTypes = described.putArray("parameterTypes");
        for (Class<?> parameter : method.getParameterTypes()) {
            parameterTypes.add(parameter.getTypeName());
        }
        for (Type parameter : method.getGenericParameterTypes()) {
            bound(parameter);
        }
        bound(method.getGenericReturnType());
    }

    /** A type Jackson reads or writes, with every application type reachable from it. */
    void bound(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            bound(parameterized.getRawType());
            for (Type argument : parameterized.getActualTypeArguments()) {
                bound(argument);
            }
        } else if (type instanceof GenericArrayType array) {
            bound(array.getGenericComponentType());
        } else if (type instanceof WildcardType wildcard) {
            for (Type upper : wildcard.getUpperBounds()) {
                bound(upper);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type upper : variable.getBounds()) {
                bound(upper);
            }
        } else if (type instanceof Class<?> type0) {
            boundClass(type0);
        }
    }

    private void boundClass(Class<?> type) {
        if (type.isArray()) {
            bound(type.getComponentType());
            return;
        }
        if (type.isPrimitive() || platform(type.getName())) {
            return;
        }
        ObjectNode entry = entries.computeIfAbsent(type.getName(), this::entry);
        if (entry.has("allDeclaredFields")) {
            return;
        }
        entry.put("allDeclaredConstructors", true)
                .put("allPublicConstructors", true)
                .put("allDeclaredMethods", true)
                .put("allPublicMethods", true)
                .put("allDeclaredFields", true)
                .put("allPublicFields", true);
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                bound(component.getGenericType());
            }
        } else if (!type.isEnum()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    bound(field.getGenericType());
                }
            }
            if (type.getSuperclass() != null) {
                bound(type.getGenericSuperclass());
            }
        }
    }

    /** JDK and Jackson types are registered by the platform and Quarkus already. */
    private static boolean platform(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("com.fasterxml.jackson.");
    }

    private ObjectNode entry(String name) {
        return mapper.createObjectNode().put("name", name);
    }

    ArrayNode toJson() {
        ArrayNode all = mapper.createArrayNode();
        entries.values().forEach(all::add);
        return all;
    }
}
