package dev.switchboard.protocol;

import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.skill.SkillCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The capabilities this server declares in {@code initialize} and {@code server/discover}: the revision's own, the
 * tool list marked changing when tools are mounted from elsewhere, the Skills extension when skills are shipped, and
 * the MCP Apps extension when tools have views.
 */
@ApplicationScoped
public class OfferedCapabilities {

    private final ToolRegistry tools;
    private final boolean skills;
    private final boolean views;

    public OfferedCapabilities(ToolRegistry tools, SkillCatalog skills) {
        this.tools = tools;
        this.skills = !skills.skills().isEmpty();
        this.views = tools.hasViews();
    }

    public ServerCapabilities of(ProtocolVersion version) {
        ServerCapabilities capabilities = ServerCapabilities.of(version, tools.mayChange());
        if (skills) {
            capabilities = capabilities.withExtension(SkillCatalog.EXTENSION);
        }
        return views ? capabilities.withExtension(ServerCapabilities.APPS_EXTENSION) : capabilities;
    }
}
