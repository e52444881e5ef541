package dev.switchboard.resource;

import dev.switchboard.resource.ResourceRegistry.Fixed;
import dev.switchboard.resource.ResourceRegistry.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Resources and templates at one moment, sorted for listing, fixed ones indexed by URI; replaced whole when a mount
 * changes.
 *
 * @throws IllegalStateException from the constructor when two resources claim one URI
 */
record ResourceCatalog(List<Fixed> resources, List<Template> templates, Map<String, Fixed> byUri) {

    private static final Logger LOG = Logger.getLogger(ResourceCatalog.class);

    ResourceCatalog(List<Fixed> resources, List<Template> templates) {
        this(
                sorted(resources),
                templates.stream()
                        .sorted(Comparator.comparing(t -> t.descriptor().uriTemplate()))
                        .toList(),
                index(resources));
    }

    /** This catalog and {@code more}. */
    ResourceCatalog with(List<Fixed> resources, List<Template> templates) {
        List<Fixed> fixed = new ArrayList<>(this.resources);
        fixed.addAll(resources);
        List<Template> all = new ArrayList<>(this.templates);
        all.addAll(templates);
        return new ResourceCatalog(fixed, all);
    }

    /** The entries of {@code source} whose URI or URI template this catalog does not hold yet, as a catalog. */
    ResourceCatalog without(String source, List<Fixed> resources, List<Template> templates) {
        Set<String> taken = new HashSet<>(byUri.keySet());
        List<Fixed> fixed = new ArrayList<>();
        for (Fixed resource : resources) {
            if (taken.add(resource.descriptor().uri())) {
                fixed.add(resource);
            } else {
                LOG.warnf(
                        "%s offers the resource %s, which another source already serves: left out",
                        source, resource.descriptor().uri());
            }
        }
        Set<String> takenTemplates = new HashSet<>();
        this.templates.forEach(t -> takenTemplates.add(t.descriptor().uriTemplate()));
        List<Template> accepted = new ArrayList<>();
        for (Template template : templates) {
            if (takenTemplates.add(template.descriptor().uriTemplate())) {
                accepted.add(template);
            } else {
                LOG.warnf(
                        "%s offers the resource template %s, which another source already serves: left out",
                        source, template.descriptor().uriTemplate());
            }
        }
        return new ResourceCatalog(fixed, accepted);
    }

    /** What clients see, to tell whether a mount changed anything. */
    List<Object> descriptors() {
        List<Object> all = new ArrayList<>();
        resources.forEach(resource -> all.add(resource.descriptor()));
        templates.forEach(template -> all.add(template.descriptor()));
        return all;
    }

    private static List<Fixed> sorted(List<Fixed> resources) {
        return resources.stream()
                .sorted(Comparator.comparing(f -> f.descriptor().uri()))
                .toList();
    }

    private static Map<String, Fixed> index(List<Fixed> resources) {
        Map<String, Fixed> byUri = new HashMap<>();
        for (Fixed entry : resources) {
            Fixed previous = byUri.putIfAbsent(entry.descriptor().uri(), entry);
            if (previous != null) {
                throw new IllegalStateException(
                        "Duplicate resource URI '" + entry.descriptor().uri() + "' declared by "
                                + previous.descriptor().name() + " and "
                                + entry.descriptor().name());
            }
        }
        return Map.copyOf(byUri);
    }
}
