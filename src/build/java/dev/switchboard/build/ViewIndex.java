package dev.switchboard.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.AppView;
import dev.switchboard.api.Tool;
import dev.switchboard.registry.ViewLink;
import dev.switchboard.view.GeneratedView;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views (MCP Apps) the tools declare with {@link AppView}, indexed at build time into
 * {@code META-INF/switchboard/views.json}: each {@code ui://} URI once, with its HTML file (checked to exist) and its
 * {@code _meta.ui}. Every URI a tool names must have exactly one declaration that gives the HTML.
 */
final class ViewIndex {

    private final ObjectMapper mapper;

    ViewIndex(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What the tool declared by {@code element} (a {@code @Tool} method or class) says of its view; null for none. */
    static ViewLink link(AnnotatedElement element) {
        AppView view = element.getAnnotation(AppView.class);
        if (view == null) {
            return null;
        }
        Set<String> visibility = new LinkedHashSet<>();
        Arrays.stream(view.visibility()).map(AppView.Visibility::wire).forEach(visibility::add);
        if (visibility.isEmpty()) {
            throw new BuildProblem(where(element) + ": @AppView(visibility) names nobody; use MODEL, APP or both");
        }
        if (!view.uri().startsWith("ui://") || view.uri().length() == "ui://".length()) {
            throw new BuildProblem(where(element) + ": @AppView(uri) must be a ui:// URI, e.g. ui://my-app/view, not '"
                    + view.uri() + "'");
        }
        return new ViewLink(view.uri(), List.copyOf(visibility));
    }

    /** Writes the index of the views of {@code types} (an empty list for none) and answers how many it holds. */
    int write(Path classes, List<Class<?>> types) throws IOException {
        Map<String, GeneratedView> declared = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        for (Class<?> type : types) {
            List<AnnotatedElement> tools = new ArrayList<>();
            if (type.isAnnotationPresent(Tool.class)) {
                tools.add(type);
            }
            Method[] methods = type.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            Arrays.stream(methods)
                    .filter(m -> m.isAnnotationPresent(Tool.class))
                    .forEach(tools::add);
            for (AnnotatedElement tool : tools) {
                AppView view = tool.getAnnotation(AppView.class);
                if (view == null) {
                    continue;
                }
                named.add(view.uri());
                if (!view.html().isEmpty()) {
                    GeneratedView described = describe(classes, tool, view);
                    if (declared.putIfAbsent(view.uri(), described) != null) {
                        throw new BuildProblem(where(tool) + ": the view " + view.uri() + " has its html given twice;"
                                + " give it on one tool and name only the uri on the others");
                    }
                }
            }
        }
        for (String uri : named) {
            if (!declared.containsKey(uri)) {
                throw new BuildProblem("The view " + uri + " is named by @AppView but no tool gives its html,"
                        + " e.g. @AppView(uri = \"" + uri + "\", html = \"views/page.html\")");
            }
        }
        Path index = classes.resolve(GeneratedView.LOCATION);
        Files.createDirectories(index.getParent());
        mapper.writeValue(index.toFile(), List.copyOf(declared.values()));
        return declared.size();
    }

    private GeneratedView describe(Path classes, AnnotatedElement tool, AppView view) {
        Path file = classes.resolve(view.html());
        if (!Files.isRegularFile(file)) {
            throw new BuildProblem(where(tool) + ": @AppView(html) names " + view.html()
                    + ", which is not on the class path (put it under src/main/resources/" + view.html() + ")");
        }
        ObjectNode ui = mapper.createObjectNode();
        ObjectNode csp = mapper.createObjectNode();
        domains(csp, "connectDomains", view.connectDomains());
        domains(csp, "resourceDomains", view.resourceDomains());
        domains(csp, "frameDomains", view.frameDomains());
        domains(csp, "baseUriDomains", view.baseUriDomains());
        if (!csp.isEmpty()) {
            ui.set("csp", csp);
        }
        if (view.permissions().length > 0) {
            ObjectNode permissions = ui.putObject("permissions");
            Arrays.stream(view.permissions()).forEach(p -> permissions.putObject(p.wire()));
        }
        ui.put("prefersBorder", view.prefersBorder());
        String name = view.name().isEmpty() ? toolName(tool) : view.name();
        return new GeneratedView(
                view.uri(), view.html(), name, view.description().isEmpty() ? null : view.description(), ui);
    }

    private static void domains(ObjectNode csp, String field, String[] origins) {
        if (origins.length > 0) {
            Arrays.stream(origins).forEach(csp.putArray(field)::add);
        }
    }

    private static String toolName(AnnotatedElement tool) {
        Tool definition = tool.getAnnotation(Tool.class);
        if (!definition.name().isEmpty()) {
            return definition.name();
        }
        return tool instanceof Method method ? method.getName() : ((Class<?>) tool).getSimpleName();
    }

    private static String where(AnnotatedElement element) {
        return element instanceof Method method
                ? "Tool method " + method.getDeclaringClass().getName() + "#" + method.getName()
                : "Tool class " + ((Class<?>) element).getName();
    }
}
