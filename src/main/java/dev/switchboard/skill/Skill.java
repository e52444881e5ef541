package dev.switchboard.skill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A skill as the Skills extension ({@code io.modelcontextprotocol/skills}) lists it: the URI of its {@code SKILL.md},
 * its frontmatter verbatim, and every one of its files with its digest and size.
 */
@RegisterForReflection
public record Skill(String uri, ObjectNode frontmatter, List<File> resources) {

    /** One file of a skill: its resource URI, {@code sha256:<hex>} of its bytes, and their count. */
    @RegisterForReflection
    public record File(String uri, String digest, long size) {}
}
