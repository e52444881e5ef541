package dev.switchboard.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools of this application's beans: the registry file the build wrote, bound to the beans and methods. */
final class BeanTools {

    private BeanTools() {}

    /**
     * Binds the tools the build described to their beans. Nothing is generated here: the schemas and descriptors come
     * from the registry file; this only finds each bean and method and prepares the argument binding.
     *
     * @throws IllegalStateException naming the class when the registry and the classes disagree (a registry older
     *     than the code), a bean is missing, or a name is declared twice
     */
    static List<RegisteredTool> bind(
            List<GeneratedTool> generated, ToolRegistry.BeanLookup beans, ObjectMapper mapper, Validator validator) {
        Map<String, String> owners = new HashMap<>();
        Map<Class<?>, Integer> methodTools = new HashMap<>();
        List<RegisteredTool> tools = new ArrayList<>(generated.size());
        for (GeneratedTool tool : generated) {
            String name = tool.descriptor().name();
            Class<?> beanClass = loadClass(tool.beanClass(), name);
            Optional<Object> bean = beans.find(beanClass);
            if (bean.isEmpty()) {
                if (tool.conditional()) {
                    continue; // switched off for this build or configuration
                }
                throw new IllegalStateException(beanClass.getName() + " declares the tool '" + name
                        + "' but is not an available CDI bean: annotate it with @ApplicationScoped (and keep"
                        + " quarkus.arc.remove-unused-beans=fwk, so that ArC keeps beans only the registry uses)");
            }
            String previous = owners.putIfAbsent(name, beanClass.getName());
            if (previous != null) {
                throw new IllegalStateException("Duplicate tool name '" + name + "' declared by " + previous + " and "
                        + beanClass.getName() + ": tool names must be unique");
            }
            ToolInvoker invoker;
            if (tool.declaredByMethod()) {
                methodTools.merge(beanClass, 1, Integer::sum);
                invoker = new MethodToolInvoker(
                        tool, bean.get(), beanClass, toolMethod(tool, beanClass), mapper, validator);
            } else {
                invoker = classTool(tool, beanClass, bean.get(), mapper, validator);
            }
            tools.add(new RegisteredTool(tool, beanClass, invoker, mapper));
        }
        methodTools.forEach(BeanTools::requireAllListed);
        tools.sort(Comparator.comparing(RegisteredTool::name));
        return tools;
    }

    private static Class<?> loadClass(String name, String tool) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw stale(name, "it declares the tool '" + tool + "' there but the class no longer exists");
        }
    }

    private static Method toolMethod(GeneratedTool tool, Class<?> beanClass) {
        Method method;
        try {
            Class<?>[] types = new Class<?>[tool.parameters().size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = TypeNames.load(tool.parameters().get(i).type());
            }
            method = beanClass.getMethod(tool.method(), types);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw stale(beanClass.getName(), "its method " + tool.method() + " has changed");
        }
        Tool declared = method.getAnnotation(Tool.class);
        if (declared == null
                || !ToolNames.of(declared, method).equals(tool.descriptor().name())) {
            throw stale(
                    beanClass.getName(),
                    "its method " + tool.method() + " no longer declares the tool '"
                            + tool.descriptor().name() + "'");
        }
        return method;
    }

    @SuppressWarnings("unchecked")
    private static ToolInvoker classTool(
            GeneratedTool tool, Class<?> beanClass, Object bean, ObjectMapper mapper, Validator validator) {
        Tool definition = beanClass.getAnnotation(Tool.class);
        if (!(bean instanceof McpTool<?, ?> mcpTool)
                || definition == null
                || !definition.name().equals(tool.descriptor().name())) {
            throw stale(
                    beanClass.getName(),
                    "it no longer declares the tool '" + tool.descriptor().name() + "'");
        }
        try {
            Class<?> argumentType = TypeNames.load(tool.argumentType());
            return new ClassToolInvoker(
                    (McpTool<Object, Object>) mcpTool,
                    new ArgumentBinder(tool.descriptor().name(), argumentType, mapper, validator));
        } catch (ClassNotFoundException e) {
            throw stale(beanClass.getName(), "its argument type " + tool.argumentType() + " no longer exists");
        }
    }

    /** A {@code @Tool} method added since the build would otherwise be silently missing. */
    private static void requireAllListed(Class<?> beanClass, int listed) {
        long declared = Arrays.stream(beanClass.getMethods())
                .filter(method -> method.isAnnotationPresent(Tool.class))
                .count();
        if (declared != listed) {
            throw stale(
                    beanClass.getName(), "it declares " + declared + " @Tool methods, the registry lists " + listed);
        }
    }

    private static IllegalStateException stale(String className, String why) {
        return new IllegalStateException("The tool registry (" + GeneratedTool.LOCATION + ") does not match "
                + className + ": " + why + ". The build writes the registry after compiling: rebuild with"
                + " ./mvnw compile (in dev mode, a reload that changed a class rewrites it)");
    }
}
