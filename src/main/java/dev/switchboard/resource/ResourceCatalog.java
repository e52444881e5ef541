package dev.switchboard.resource;

import dev.switchboard.registry.SourceClaims;
import dev.switchboard.resource.ResourceRegistry.Fixed;
import dev.switchboard.resource.ResourceRegistry.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources and templates at one moment, sorted for listing, fixed ones indexed by URI; replaced whole when a mount
 * changes.
 *
 * @throws IllegalStateException from the constructor when two resources claim one URI
 */
record ResourceCatalog(List<Fixed> resources, List<Template> templates, Map<String, Fixed> byUri) {

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
        Set<String> uris = new HashSet<>(byUri.keySet());
        Set<String> uriTemplates = new HashSet<>();
        this.templates.forEach(t -> uriTemplates.add(t.descriptor().uriTemplate()));
        return new ResourceCatalog(
                SourceClaims.unclaimed(
                        source,
                        "resource",
                        resources,
                        resource -> resource.descriptor().uri(),
                        uris),
                SourceClaims.unclaimed(
                        source,
                        "resource template",
                        templates,
                        template -> template.descriptor().uriTemplate(),
                        uriTemplates));
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
