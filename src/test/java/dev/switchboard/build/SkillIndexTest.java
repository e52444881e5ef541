package dev.switchboard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's index of the skills shipped with the application, and the mistakes that fail the build. */
class SkillIndexTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path classes;

    private void skill(String folder, String skillMd) throws Exception {
        Files.createDirectories(classes.resolve("skills/" + folder));
        Files.writeString(classes.resolve("skills/" + folder + "/SKILL.md"), skillMd);
    }

    @Test
    void aSkillIsIndexedWithItsFrontmatterVerbatimAndEveryFilesDigest() throws Exception {
        skill("greet", "---\nname: greet\ndescription: Greets people\nmetadata:\n  version: \"2\"\n---\n\n# Greet\n");
        Files.createDirectories(classes.resolve("skills/greet/scripts"));
        Files.writeString(classes.resolve("skills/greet/scripts/hello.sh"), "echo hello\n");
        assertEquals(1, new SkillIndex(mapper).write(classes));
        JsonNode index = mapper.readTree(classes.resolve(SkillIndex.LOCATION).toFile());
        assertEquals("greet", index.at("/0/path").asText());
        assertEquals("2", index.at("/0/frontmatter/metadata/version").asText());
        assertEquals("SKILL.md", index.at("/0/files/0/path").asText());
        assertEquals("scripts/hello.sh", index.at("/0/files/1/path").asText());
        assertEquals(11, index.at("/0/files/1/size").asInt());
        assertEquals(
                "sha256:"
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest("echo hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                index.at("/0/files/1/digest").asText());
        assertTrue(index.at("/0/files/1/digest").asText().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void mistakesFailTheBuildNamingTheSkill() throws Exception {
        skill("greet", "# no frontmatter\n");
        assertTrue(assertThrows(BuildProblem.class, () -> new SkillIndex(mapper).write(classes))
                .getMessage()
                .startsWith("skills/greet/SKILL.md must begin with YAML frontmatter"));
        skill("greet", "---\nname: greet\n---\n");
        assertTrue(assertThrows(BuildProblem.class, () -> new SkillIndex(mapper).write(classes))
                .getMessage()
                .contains("needs a name and a description"));
        skill("greet", "---\nname: Hello\ndescription: d\n---\n");
        assertTrue(assertThrows(BuildProblem.class, () -> new SkillIndex(mapper).write(classes))
                .getMessage()
                .contains("must equal its folder's name"));
    }

    @Test
    void noSkillsWriteAnEmptyIndex() throws Exception {
        assertEquals(0, new SkillIndex(mapper).write(classes));
        assertEquals("[]", Files.readString(classes.resolve(SkillIndex.LOCATION)));
    }
}
