package dev.switchboard.bench;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The benchmark's streamed call: three progress notifications, then the answer. Unlike the conformance fixture
 * {@code test_tool_with_progress} it never sleeps, so the benchmark measures the server, not a pause. Only in the
 * {@code -Pbench} build.
 */
@ApplicationScoped
@Tool(
        name = "bench.progress",
        title = "Benchmark progress",
        description = "Reports progress 1, 2 and 3 of 3 when the call has a progressToken, then answers. For the"
                + " benchmark's SSE scenario.",
        readOnly = true,
        openWorld = false)
public class ProgressBenchTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.progress(1, 3.0, null);
        context.progress(2, 3.0, null);
        context.progress(3, 3.0, null);
        return "done";
    }
}
