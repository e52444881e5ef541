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

    public OfferedCapabilities(ToolRegistry tools, SkillCatalog skills) {
        this.tools = tools;
        this.skills = !skills.skills().isEmpty();
    }

    public ServerCapabilities of(ProtocolVersion version) {
        ServerCapabilities capabilities = ServerCapabilities.of(version, tools.mayChange());
        if (skills) {
            capabilities = capabilities.withExtension(SkillCatalog.EXTENSION);
        }
        // Asked each time: an upstream server may mount tools with views after start.
        return tools.hasViews() ? capabilities.withExtension(ServerCapabilities.APPS_EXTENSION) : capabilities;
    }
}
