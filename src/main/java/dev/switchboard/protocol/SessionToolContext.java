package dev.switchboard.protocol;

import dev.switchboard.tool.ToolContext;

/** The {@link ToolContext} of a call made within a session. */
record SessionToolContext(String sessionId, String protocolVersion, String toolName) implements ToolContext {}
