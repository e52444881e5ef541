package dev.switchboard.builtin.workspace;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optional {@code workspace} argument of the tools that keep state (calendar, tool history), described once: a
 * handle from {@code workspace.open}, mirrored into the {@code Mcp-Param-Workspace} header. Resolve it with
 * {@link dev.switchboard.api.ToolState#of}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Description("A handle from workspace.open; omit it within a session to use this session's own")
@McpHeader("Workspace")
public @interface WorkspaceHandle {}
