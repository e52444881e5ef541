package dev.switchboard.protocol;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.skill.DirectoryEntry;
import dev.switchboard.skill.Skill;
import dev.switchboard.skill.SkillCatalog;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code skills/list}, {@code skills/get} and {@code resources/directory/read} of the Skills extension
 * ({@code io.modelcontextprotocol/skills}): the skills shipped with the application, each with its frontmatter and
 * every file's digest, and the folders of each; the files themselves are resources ({@code resources/read} of
 * {@code skill://...}).
 */
@Singleton
public class SkillsHandler {

    private final SkillCatalog catalog;
    private final int pageSize;

    public SkillsHandler(SkillCatalog catalog, SwitchboardConfig config) {
        this.catalog = catalog;
        this.pageSize = config.tools().pageSize();
    }

    @RegisterForReflection
    public record ListSkillsResult(List<Skill> skills, String nextCursor) {}

    @RegisterForReflection
    public record GetSkillResult(Skill skill) {}

    @RegisterForReflection
    public record ReadDirectoryResult(List<DirectoryEntry> resources, String nextCursor) {}

    public ListSkillsResult list(McpRequest request) {
        Pagination.Page<Skill> page = Pagination.page(catalog.skills(), Pagination.cursor(request.message()), pageSize);
        return new ListSkillsResult(page.items(), page.nextCursor());
    }

    public GetSkillResult get(McpRequest request) {
        String uri = request.message().param("uri").textValue();
        if (uri == null) {
            throw JsonRpcException.invalidParams("skills/get needs params.uri, the URI of a skill's SKILL.md");
        }
        return new GetSkillResult(catalog.find(uri)
                .orElseThrow(() -> JsonRpcException.invalidParams("Unknown skill: '" + uri
                        + "' is not the SKILL.md of a skill this server serves (see skills/list)")));
    }

    /** The direct children of a skill's folder: its files, and its subfolders as {@code inode/directory}. */
    public ReadDirectoryResult directory(McpRequest request) {
        String uri = request.message().param("uri").textValue();
        if (uri == null) {
            throw JsonRpcException.invalidParams(
                    "resources/directory/read needs params.uri, the URI of a skill's folder"
                            + " (skill://<name>, or a folder in it)");
        }
        List<DirectoryEntry> children = catalog.directory(uri)
                .orElseThrow(() -> JsonRpcException.invalidParams("Not a directory: '" + uri
                        + "' is no folder of a skill this server serves; a skill's folder is its SKILL.md's URI"
                        + " without /SKILL.md (see skills/list)"));
        Pagination.Page<DirectoryEntry> page =
                Pagination.page(children, Pagination.cursor(request.message()), pageSize);
        return new ReadDirectoryResult(page.items(), page.nextCursor());
    }
}
