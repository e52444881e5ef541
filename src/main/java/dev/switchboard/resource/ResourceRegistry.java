package dev.switchboard.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.Principal;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.registry.Icons;
import dev.switchboard.registry.MethodCall;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Every resource and resource template (beans and {@code @Resource} / {@code @ResourceTemplate} methods), sorted for deterministic listing, checked at start-up. */
@Singleton
public class ResourceRegistry implements ScopeDeclarations {

    /** A fixed resource and its bean. */
    public record Fixed(ResourceDescriptor descriptor, McpResource bean, boolean sessionScoped, Set<String> scopes) {}

    /** A template, its matcher and its bean. */
    public record Template(
            ResourceTemplateDescriptor descriptor,
            UriTemplate template,
            McpResourceTemplate bean,
            Set<String> scopes) {}

    /** A URI resolved to the bean that reads it, and the scopes a caller needs to read it. */
    public record Resolved(McpResource fixed, Template template, Map<String, String> variables, Set<String> scopes) {}

    private static final TypeReference<List<GeneratedResource>> RESOURCES = new TypeReference<>() {};
    private static final TypeReference<List<GeneratedResourceTemplate>> TEMPLATES = new TypeReference<>() {};

    private final List<Fixed> resources;
    private final List<Template> templates;
    private final Map<String, Fixed> byUri = new HashMap<>();

    public ResourceRegistry(
            @All List<InstanceHandle<McpResource>> resourceBeans,
            @All List<InstanceHandle<McpResourceTemplate>> templateBeans,
            ObjectMapper mapper) {
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
        for (Fixed entry : fixed) {
            Fixed previous = byUri.putIfAbsent(entry.descriptor().uri(), entry);
            if (previous != null) {
                throw new IllegalStateException(
                        "Duplicate resource URI '" + entry.descriptor().uri() + "' declared by "
                                + previous.descriptor().name() + " and "
                                + entry.descriptor().name());
            }
        }
        fixed.sort(Comparator.comparing(f -> f.descriptor().uri()));
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
        found.sort(Comparator.comparing(t -> t.descriptor().uriTemplate()));
        this.resources = List.copyOf(fixed);
        this.templates = List.copyOf(found);
    }

    private static Template template(
            ResourceTemplateDescriptor descriptor, McpResourceTemplate bean, Set<String> scopes) {
        return new Template(descriptor, new UriTemplate(descriptor.uriTemplate()), bean, scopes);
    }

    public List<ResourceDescriptor> resources() {
        return resources.stream().map(Fixed::descriptor).toList();
    }

    /**
     * The resources {@code principal} may read.
     *
     * @param withSession false for a request without a session (2026-07-28), which cannot read session-scoped ones
     */
    public List<ResourceDescriptor> resources(boolean withSession, Principal principal) {
        return resources.stream()
                .filter(f -> (withSession || !f.sessionScoped()) && principal.holds(f.scopes()))
                .map(Fixed::descriptor)
                .toList();
    }

    public List<ResourceTemplateDescriptor> templates() {
        return templates.stream().map(Template::descriptor).toList();
    }

    /** The templates {@code principal} may read through. */
    public List<ResourceTemplateDescriptor> templates(Principal principal) {
        return templates.stream()
                .filter(t -> principal.holds(t.scopes()))
                .map(Template::descriptor)
                .toList();
    }

    /** Every scope some resource or template requires. */
    @Override
    public Set<String> scopes() {
        return Scopes.union(Stream.concat(
                resources.stream().map(Fixed::scopes), templates.stream().map(Template::scopes)));
    }

    /**
     * The bean serving a URI: a fixed resource first, else the first matching template.
     *
     * @param withSession false for a request without a session, which cannot read session-scoped resources
     */
    public Optional<Resolved> resolve(String uri, boolean withSession) {
        Fixed fixed = byUri.get(uri);
        if (fixed != null && (withSession || !fixed.sessionScoped())) {
            return Optional.of(new Resolved(fixed.bean(), null, Map.of(), fixed.scopes()));
        }
        for (Template template : templates) {
            Optional<Map<String, String>> variables = template.template().match(uri);
            if (variables.isPresent()) {
                return Optional.of(new Resolved(null, template, variables.get(), template.scopes()));
            }
        }
        return Optional.empty();
    }

    /** The template declared with exactly this URI template text. */
    public Optional<Template> template(String uriTemplate) {
        return templates.stream()
                .filter(t -> t.descriptor().uriTemplate().equals(uriTemplate))
                .findFirst();
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
