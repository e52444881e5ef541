package dev.switchboard.protocol;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.skill.Skill;
import dev.switchboard.skill.SkillCatalog;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code skills/list} and {@code skills/get} of the Skills extension ({@code io.modelcontextprotocol/skills}): the
 * skills shipped with the application, each with its frontmatter and every file's digest; the files themselves are
 * resources ({@code resources/read} of {@code skill://...}).
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
}
