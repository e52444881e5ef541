package dev.switchboard.testing.tools;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@Tool(name = "test.wait", description = "Reports progress once, then waits up to 10 s for cancellation.")
public class WaitTool implements McpTool<NoArguments, String> {

    private final CancellationProbe probe;

    WaitTool(CancellationProbe probe) {
        this.probe = probe;
    }

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.onCancel(probe::markCallback);
        context.progress(0, null, "waiting");
        probe.started();
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (!context.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probe.finished(context.isCancelled());
        return "finished";
    }
}
