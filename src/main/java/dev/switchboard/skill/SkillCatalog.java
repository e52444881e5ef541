package dev.switchboard.skill;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.resource.ClasspathFiles;
import dev.switchboard.resource.ResourceDescriptor;
import dev.switchboard.resource.ResourceRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The skills shipped with the application ({@code src/main/resources/skills/<name>/}), from the index the build wrote:
 * listed and got by the Skills extension, and each file served as a {@code skill://<name>/<path>} resource.
 */
@ApplicationScoped
public class SkillCatalog {

    /** The extension's id, in capabilities. */
    public static final String EXTENSION = "io.modelcontextprotocol/skills";

    /** The extension's settings in capabilities: {@code resources/directory/read} is served. */
    @RegisterForReflection
    public record Capability(boolean directoryRead) {}

    public static final Capability CAPABILITY = new Capability(true);

    private static final String INDEX = "META-INF/switchboard/skills.json";

    @RegisterForReflection
    record Indexed(String path, ObjectNode frontmatter, List<IndexedFile> files) {}

    @RegisterForReflection
    record IndexedFile(String path, String digest, long size) {}

    private final Map<String, Skill> byUri = new LinkedHashMap<>();
    private final List<ResourceRegistry.Fixed> files = new ArrayList<>();
    /** Every folder of every skill, by URI ({@code skill://<name>} for its root): its children, by URI. */
    private final Map<String, Map<String, DirectoryEntry>> directories = new LinkedHashMap<>();

    public SkillCatalog(ObjectMapper mapper) {
        for (Indexed skill : read(mapper)) {
            List<Skill.File> listed = new ArrayList<>();
            for (IndexedFile file : skill.files()) {
                String uri = "skill://" + skill.path() + "/" + file.path();
                listed.add(new Skill.File(uri, file.digest(), file.size()));
                index("skill://" + skill.path(), file.path(), mimeType(file.path()), file.size());
                boolean main = file.path().equals("SKILL.md");
                files.add(new ResourceRegistry.Fixed(
                        new ResourceDescriptor(
                                uri,
                                main ? skill.frontmatter().path("name").asText() : file.path(),
                                null,
                                main ? skill.frontmatter().path("description").asText() : null,
                                mimeType(file.path()),
                                null),
                        reader("skills/" + skill.path() + "/" + file.path(), uri, mimeType(file.path())),
                        false,
                        Set.of()));
            }
            String uri = "skill://" + skill.path() + "/SKILL.md";
            byUri.put(uri, new Skill(uri, skill.frontmatter(), List.copyOf(listed)));
        }
    }

    void mount(@Observes StartupEvent event, ResourceRegistry resources) {
        if (!files.isEmpty()) {
            resources.mount("skills", List.copyOf(files), List.of());
        }
    }

    /** Every skill, in the order of their folders. */
    public List<Skill> skills() {
        return List.copyOf(byUri.values());
    }

    /** The skill whose {@code SKILL.md} has this URI. */
    public Optional<Skill> find(String uri) {
        return Optional.ofNullable(byUri.get(uri));
    }

    /**
     * The children of the skill folder {@code uri}, files and subfolders in the order of their URIs; empty when
     * {@code uri} is no folder of a skill (a file's URI included).
     */
    public Optional<List<DirectoryEntry>> directory(String uri) {
        Map<String, DirectoryEntry> children = directories.get(uri);
        return children == null ? Optional.empty() : Optional.of(List.copyOf(children.values()));
    }

    /** Enters the file at {@code path} (relative to the skill's {@code root}) and every folder above it. */
    private void index(String root, String path, String mimeType, long size) {
        String parent = root;
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            String folder = parent + "/" + segments[i];
            children(parent)
                    .putIfAbsent(folder, new DirectoryEntry(folder, segments[i], DirectoryEntry.DIRECTORY, null));
            parent = folder;
        }
        String file = parent + "/" + segments[segments.length - 1];
        children(parent).put(file, new DirectoryEntry(file, segments[segments.length - 1], mimeType, size));
    }

    private Map<String, DirectoryEntry> children(String folder) {
        return directories.computeIfAbsent(folder, ignored -> new TreeMap<>());
    }

    /** Every index on the class path (the application's, and in tests the test classes'), merged. */
    private static List<Indexed> read(ObjectMapper mapper) {
        return GeneratedFiles.read(mapper, INDEX, new TypeReference<List<Indexed>>() {});
    }

    private static McpResource reader(String resource, String uri, String mimeType) {
        return context -> {
            byte[] bytes = ClasspathFiles.read(resource, uri);
            return mimeType.startsWith("text/") || mimeType.equals("application/json")
                    ? ResourceContents.text(uri, mimeType, new String(bytes, StandardCharsets.UTF_8))
                    : ResourceContents.blob(uri, mimeType, bytes);
        };
    }

    private static String mimeType(String path) {
        if (path.endsWith(".md")) {
            return "text/markdown";
        }
        String guessed = URLConnection.guessContentTypeFromName(path);
        return guessed != null
                ? guessed
                : path.matches(".*\\.(txt|py|sh|js|ts|yaml|yml|csv)$") ? "text/plain" : "application/octet-stream";
    }
}
