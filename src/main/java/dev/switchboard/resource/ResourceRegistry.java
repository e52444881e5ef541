package dev.switchboard.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.Principal;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Every resource and resource template: this application's (beans and {@code @Resource} / {@code @ResourceTemplate}
 * methods, checked at start-up) and those mounted from other sources (upstream servers), sorted for listing.
 */
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

    private final ResourceCatalog built;
    private final Map<String, ResourceCatalog> mounts = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ResourceCatalog catalog;

    public ResourceRegistry(
            @All List<InstanceHandle<McpResource>> resourceBeans,
            @All List<InstanceHandle<McpResourceTemplate>> templateBeans,
            ObjectMapper mapper) {
        this.built = new ResourceCatalog(
                DeclaredResources.fixed(resourceBeans, mapper), DeclaredResources.templates(templateBeans, mapper));
        this.catalog = built;
    }

    /**
     * Serves {@code fixed} and {@code templates} as the resources of {@code source} from now on, replacing what it
     * mounted before. A URI or URI template another source (or this application) already serves is left out with a
     * warning.
     */
    public synchronized void mount(String source, List<Fixed> fixed, List<Template> templates) {
        mounts.remove(source);
        ResourceCatalog others = built;
        for (ResourceCatalog mounted : mounts.values()) {
            others = others.with(mounted.resources(), mounted.templates());
        }
        ResourceCatalog before = catalog;
        ResourceCatalog own = others.without(source, fixed, templates);
        mounts.put(source, own);
        catalog = others.with(own.resources(), own.templates());
        if (!catalog.descriptors().equals(before.descriptors())) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} each time a mount changes the resources or templates (on the mounting thread). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public List<ResourceDescriptor> resources() {
        return catalog.resources().stream().map(Fixed::descriptor).toList();
    }

    /**
     * The resources {@code principal} may read.
     *
     * @param withSession false for a request without a session (2026-07-28), which cannot read session-scoped ones
     */
    public List<ResourceDescriptor> resources(boolean withSession, Principal principal) {
        return catalog.resources().stream()
                .filter(f -> (withSession || !f.sessionScoped()) && principal.holds(f.scopes()))
                .map(Fixed::descriptor)
                .toList();
    }

    public List<ResourceTemplateDescriptor> templates() {
        return catalog.templates().stream().map(Template::descriptor).toList();
    }

    /** The templates {@code principal} may read through. */
    public List<ResourceTemplateDescriptor> templates(Principal principal) {
        return catalog.templates().stream()
                .filter(t -> principal.holds(t.scopes()))
                .map(Template::descriptor)
                .toList();
    }

    /** Every scope some resource or template requires. */
    @Override
    public Set<String> scopes() {
        return Scopes.union(Stream.concat(
                catalog.resources().stream().map(Fixed::scopes),
                catalog.templates().stream().map(Template::scopes)));
    }

    /**
     * The bean serving a URI: a fixed resource first, else the first matching template.
     *
     * @param withSession false for a request without a session, which cannot read session-scoped resources
     */
    public Optional<Resolved> resolve(String uri, boolean withSession) {
        ResourceCatalog current = catalog;
        Fixed fixed = current.byUri().get(uri);
        if (fixed != null && (withSession || !fixed.sessionScoped())) {
            return Optional.of(new Resolved(fixed.bean(), null, Map.of(), fixed.scopes()));
        }
        for (Template template : current.templates()) {
            Optional<Map<String, String>> variables = template.template().match(uri);
            if (variables.isPresent()) {
                return Optional.of(new Resolved(null, template, variables.get(), template.scopes()));
            }
        }
        return Optional.empty();
    }

    /** The template declared with exactly this URI template text. */
    public Optional<Template> template(String uriTemplate) {
        return catalog.templates().stream()
                .filter(t -> t.descriptor().uriTemplate().equals(uriTemplate))
                .findFirst();
    }
}
