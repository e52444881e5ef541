package dev.switchboard.protocol;

import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.skill.SkillCatalog;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capabilities this server declares in {@code initialize} and {@code server/discover}: the revision's own, the
 * tool list marked changing when tools are mounted from elsewhere, the Skills extension when skills are shipped, and
 * the MCP Apps extension when tools have views. Built once per combination, not per request.
 */
@Singleton
public class OfferedCapabilities {

    /** What the capabilities depend on that may change while the server runs (an upstream mounting tools). */
    private record Shape(ProtocolVersion version, boolean toolsMayChange, boolean views) {}

    private final ToolRegistry tools;
    private final boolean skills;
    private final Map<Shape, ServerCapabilities> built = new ConcurrentHashMap<>();

    public OfferedCapabilities(ToolRegistry tools, SkillCatalog skills) {
        this.tools = tools;
        this.skills = !skills.skills().isEmpty();
    }

    public ServerCapabilities of(ProtocolVersion version) {
        return built.computeIfAbsent(new Shape(version, tools.mayChange(), tools.hasViews()), this::build);
    }

    private ServerCapabilities build(Shape shape) {
        ServerCapabilities capabilities = ServerCapabilities.of(shape.version(), shape.toolsMayChange());
        if (skills) {
            capabilities = capabilities.withExtension(SkillCatalog.EXTENSION, SkillCatalog.CAPABILITY);
        }
        return shape.views() ? capabilities.withExtension(ServerCapabilities.APPS_EXTENSION) : capabilities;
    }
}
