package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.deploy.Manifests.Doc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code kustomize build} would read, checked without kustomize: every resource a kustomization.yaml lists
 * exists, every patch names a resource the kustomization builds, every image override names an image in use, and
 * every YAML file is used by the kustomization of its directory.
 */
final class Kustomizations {

    private static final Set<String> FIELDS = Set.of(
            "apiVersion",
            "kind",
            "resources",
            "patches",
            "images",
            "labels",
            "namespace",
            "namePrefix",
            "commonAnnotations");

    /** One kustomization directory, resolved. */
    record Build(Path dir, Map<String, Doc> resources, List<Doc> patches, List<Doc> ownFiles) {}

    private final Map<Path, List<Doc>> docs;
    private final Map<Path, Build> builds = new HashMap<>();

    Kustomizations(Map<Path, List<Doc>> docs) {
        this.docs = docs;
    }

    /** The build of the kustomization in {@code dir}, resolved once. */
    Build build(Path dir) {
        Path key = dir.normalize();
        Build known = builds.get(key);
        if (known != null) {
            return known;
        }
        Build build = resolve(key);
        builds.put(key, build);
        return build;
    }

    private Build resolve(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        List<Doc> kustomizationDocs = docs.get(file);
        if (kustomizationDocs == null
                || !"Kustomization".equals(kustomizationDocs.get(0).kind())) {
            throw new AssertionError(dir + " has no kustomization.yaml");
        }
        JsonNode kustomization = kustomizationDocs.get(0).tree();
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new AssertionError(file + ": unexpected field " + field + " (generators would commit values;"
                        + " allowed: " + FIELDS + ")");
            }
        });
        Map<String, Doc> resources = new LinkedHashMap<>();
        List<Doc> ownFiles = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                build(target).resources().forEach((id, doc) -> add(resources, doc, file));
            } else if (docs.containsKey(target)) {
                if (!target.getParent().equals(dir)) {
                    throw new AssertionError(file + " lists " + entry.asText()
                            + ": kustomize only loads files inside the kustomization's directory");
                }
                for (Doc doc : docs.get(target)) {
                    add(resources, doc, file);
                    ownFiles.add(doc);
                }
            } else {
                throw new AssertionError(file + " lists resource " + entry.asText() + ", which does not exist");
            }
        }
        List<Doc> patches = new ArrayList<>();
        for (JsonNode entry : kustomization.path("patches")) {
            String path = entry.path("path").asText("");
            Path target = dir.resolve(path).normalize();
            if (path.isEmpty() || !docs.containsKey(target)) {
                throw new AssertionError(file + " lists patch " + entry + ", whose path does not exist");
            }
            for (Doc patch : docs.get(target)) {
                Doc base = resources.get(patch.id());
                if (base == null || !base.apiVersion().equals(patch.apiVersion())) {
                    throw new AssertionError(patch + " patches " + patch.apiVersion() + " " + patch.id() + ", which "
                            + dir + " does not build; it builds " + resources.keySet());
                }
                patches.add(patch);
                ownFiles.add(patch);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            String name = image.path("name").asText();
            boolean used = resources.values().stream()
                    .anyMatch(doc -> doc.tree().findValues("image").stream()
                            .anyMatch(value -> value.asText().split(":")[0].equals(name)));
            if (!used) {
                throw new AssertionError(file + " overrides image " + name + ", which no container uses");
            }
        }
        return new Build(dir, resources, patches, ownFiles);
    }

    private static void add(Map<String, Doc> resources, Doc doc, Path kustomization) {
        Doc previous = resources.putIfAbsent(doc.id(), doc);
        if (previous != null) {
            throw new AssertionError(kustomization + " builds " + doc.id() + " twice: " + previous + " and " + doc);
        }
    }
}
