package dev.switchboard.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The skills shipped with the application ({@code skills/<name>/SKILL.md} and their files on the class path), indexed
 * at build time into {@code META-INF/switchboard/skills.json}: each skill's frontmatter as JSON, and each file's path,
 * SHA-256 digest and size, so start-up reads no directory (a native image cannot list one) and hashes nothing.
 */
final class SkillIndex {

    static final String LOCATION = "META-INF/switchboard/skills.json";
    /** The Agent Skills naming rule: lower-case letters, digits and single hyphens, at most 64 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ObjectMapper mapper;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    SkillIndex(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the index (an empty list when there are no skills) and answers how many skills it holds. */
    int write(Path classes) throws IOException {
        ArrayNode skills = mapper.createArrayNode();
        Path root = classes.resolve("skills");
        if (Files.isDirectory(root)) {
            List<Path> folders;
            try (var listed = Files.list(root)) {
                folders = listed.filter(Files::isDirectory).sorted().toList();
            }
            for (Path folder : folders) {
                skills.add(skill(folder));
            }
        }
        Path index = classes.resolve(LOCATION);
        Files.createDirectories(index.getParent());
        mapper.writeValue(index.toFile(), skills);
        return skills.size();
    }

    private ObjectNode skill(Path folder) throws IOException {
        String where = "skills/" + folder.getFileName();
        Path skillMd = folder.resolve("SKILL.md");
        if (!Files.isRegularFile(skillMd)) {
            throw new BuildProblem(where + " has no SKILL.md");
        }
        ObjectNode frontmatter = frontmatter(where, Files.readString(skillMd, StandardCharsets.UTF_8));
        String name = frontmatter.path("name").asText();
        if (!name.equals(folder.getFileName().toString())
                || name.length() > 64
                || !NAME.matcher(name).matches()) {
            throw new BuildProblem(
                    where + "/SKILL.md: its name '" + name + "' must equal its folder's name and use only"
                            + " lower-case letters, digits and single hyphens (at most 64)");
        }
        ObjectNode skill = mapper.createObjectNode().put("path", name);
        skill.set("frontmatter", frontmatter);
        ArrayNode files = skill.putArray("files");
        List<Path> all;
        try (var walked = Files.walk(folder)) {
            all = walked.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            byte[] bytes = Files.readAllBytes(file);
            files.addObject()
                    .put("path", folder.relativize(file).toString().replace('\\', '/'))
                    .put("digest", "sha256:" + HexFormat.of().formatHex(sha256(bytes)))
                    .put("size", bytes.length);
        }
        return skill;
    }

    /** The YAML between the opening {@code ---} line and the next one, with {@code name} and {@code description}. */
    private ObjectNode frontmatter(String where, String text) throws IOException {
        String normalized = text.replace("\r\n", "\n");
        int end = normalized.indexOf("\n---", 4);
        if (!normalized.startsWith("---\n") || end < 0) {
            throw new BuildProblem(where + "/SKILL.md must begin with YAML frontmatter between --- lines");
        }
        JsonNode parsed = yaml.readTree(normalized.substring(4, end));
        if (!(parsed instanceof ObjectNode object)
                || !object.path("name").isTextual()
                || !object.path("description").isTextual()) {
            throw new BuildProblem(where + "/SKILL.md: its frontmatter needs a name and a description");
        }
        return object;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
