package dev.switchboard.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.registry.Icons;
import dev.switchboard.registry.MethodCall;
import dev.switchboard.resource.ResourceRegistry.Fixed;
import dev.switchboard.resource.ResourceRegistry.Template;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.InstanceHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The resources and templates this application declares: beans implementing {@link McpResource} and
 * {@link McpResourceTemplate}, and the {@code @Resource} / {@code @ResourceTemplate} methods the build listed.
 */
final class DeclaredResources {

    private static final TypeReference<List<GeneratedResource>> RESOURCES = new TypeReference<>() {};
    private static final TypeReference<List<GeneratedResourceTemplate>> TEMPLATES = new TypeReference<>() {};

    private DeclaredResources() {}

    static List<Fixed> fixed(List<InstanceHandle<McpResource>> resourceBeans, ObjectMapper mapper) {
        List<Fixed> fixed = new ArrayList<>();
        for (InstanceHandle<McpResource> handle : resourceBeans) {
            Class<?> type = handle.getBean().getBeanClass();
            Resource d = require(type.getAnnotation(Resource.class), type, Resource.class);
            fixed.add(new Fixed(
                    new ResourceDescriptor(
                            d.uri(),
                            named(d.name(), type),
                            blank(d.title()),
                            blank(d.description()),
                            blank(d.mimeType()),
                            Icons.of(d.icons())),
                    handle.get(),
                    d.sessionScoped(),
                    Scopes.declaredBy(type)));
        }
        for (GeneratedResource generated : GeneratedFiles.read(mapper, GeneratedResource.LOCATION, RESOURCES)) {
            MethodCall.bind(generated.method())
                    .ifPresent(call -> fixed.add(new Fixed(
                            generated.descriptor(),
                            new ResourceMethod(call, generated.descriptor().mimeType()),
                            generated.sessionScoped(),
                            generated.method().scopes())));
        }
        return fixed;
    }

    static List<Template> templates(List<InstanceHandle<McpResourceTemplate>> templateBeans, ObjectMapper mapper) {
        List<Template> found = new ArrayList<>();
        for (InstanceHandle<McpResourceTemplate> handle : templateBeans) {
            Class<?> type = handle.getBean().getBeanClass();
            ResourceTemplate d = require(type.getAnnotation(ResourceTemplate.class), type, ResourceTemplate.class);
            found.add(template(
                    new ResourceTemplateDescriptor(
                            d.uriTemplate(),
                            named(d.name(), type),
                            blank(d.title()),
                            blank(d.description()),
                            blank(d.mimeType()),
                            Icons.of(d.icons())),
                    handle.get(),
                    Scopes.declaredBy(type)));
        }
        for (GeneratedResourceTemplate generated :
                GeneratedFiles.read(mapper, GeneratedResourceTemplate.LOCATION, TEMPLATES)) {
            MethodCall.bind(generated.method())
                    .ifPresent(call -> found.add(template(
                            generated.descriptor(),
                            new ResourceMethod(call, generated.descriptor().mimeType()),
                            generated.method().scopes())));
        }
        return found;
    }

    static Template template(ResourceTemplateDescriptor descriptor, McpResourceTemplate bean, Set<String> scopes) {
        return new Template(descriptor, new UriTemplate(descriptor.uriTemplate()), bean, scopes);
    }

    private static <A> A require(A annotation, Class<?> type, Class<?> annotationType) {
        if (annotation == null) {
            throw new IllegalStateException(
                    "Resource class " + type.getName() + " lacks @" + annotationType.getSimpleName());
        }
        return annotation;
    }

    /** A class declares one resource, so it must name it (a method's name is the default for methods). */
    private static String named(String name, Class<?> type) {
        if (name.isEmpty()) {
            throw new IllegalStateException(
                    "Resource class " + type.getName() + " must give its name, e.g. @Resource(name = \"...\")");
        }
        return name;
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
