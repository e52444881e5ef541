package dev.switchboard.registry;

import java.util.Map;

/** Classes by the names {@link Class#getName()} gives, primitives included, as the registry file stores them. */
final class TypeNames {

    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean", boolean.class,
            "byte", byte.class,
            "char", char.class,
            "short", short.class,
            "int", int.class,
            "long", long.class,
            "float", float.class,
            "double", double.class);

    private TypeNames() {}

    static Class<?> load(String name) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        return primitive != null
                ? primitive
                : Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    }
}
