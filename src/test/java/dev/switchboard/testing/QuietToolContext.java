package dev.switchboard.testing;

import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolContext;

/**
 * A context for tools run outside the server (unit tests, micro-benchmarks): a session-era call by the open principal
 * that reports nothing, is never cancelled and cannot ask the client anything.
 */
public final class QuietToolContext implements ToolContext {

    private final String toolName;

    public QuietToolContext(String toolName) {
        this.toolName = toolName;
    }

    @Override
    public String sessionId() {
        return "quiet";
    }

    @Override
    public String protocolVersion() {
        return "2025-11-25";
    }

    @Override
    public Principal principal() {
        return Principal.OPEN;
    }

    @Override
    public String toolName() {
        return toolName;
    }

    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(LogLevel level, Object data) {}

    @Override
    public boolean closeConnection() {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable action) {}

    @Override
    public ClientAnswers ask(InputRequest... requests) {
        throw new UnsupportedOperationException(toolName + " runs without a client to ask");
    }
}
