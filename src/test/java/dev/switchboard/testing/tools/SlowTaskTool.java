package dev.switchboard.testing.tools;

import dev.switchboard.api.Description;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slow work that may run as a task, reported step by step as progress (a task's status message), on the clock rather
 * than at a {@link TaskGate}, as a client that only polls sees it. Remembers which runs saw their cancellation, by
 * label, for tests that cancel one.
 */
@ApplicationScoped
public class SlowTaskTool {

    /** How long one step takes. */
    public static final long STEP_MILLIS = 400;

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    @Tool(
            name = "test.task.slow",
            description = "Works through the given steps, 0.4 s each, reporting each as progress; runs as a task when"
                    + " the client can take one.",
            readOnly = true,
            taskSupport = TaskSupport.OPTIONAL)
    public String slow(
            @Description("How many steps to work, 0.4 s each") @Min(1) @Max(100) int steps,
            @Description("A label echoed in the answer") @NotBlank String label,
            @Description("Fail as a tool after the last step") Optional<Boolean> fail,
            ToolContext context) {
        for (int step = 1; step <= steps; step++) {
            context.progress(step, (double) steps, "Step " + step + " of " + steps);
            if (!pause(context)) {
                cancelled.add(label);
                throw new ToolException("Slow work '" + label + "' was cancelled at step " + step);
            }
        }
        if (fail.orElse(false)) {
            throw new ToolException("Slow work '" + label + "' failed, as asked");
        }
        return "Slow work '" + label + "' done in " + steps + " steps";
    }

    /** Whether the run labelled so stopped because it was cancelled. */
    public boolean sawCancellation(String label) {
        return cancelled.contains(label);
    }

    /** Sleeps one step; false when the call was cancelled meanwhile (a cancellation may interrupt the sleep). */
    private static boolean pause(ToolContext context) {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !context.isCancelled();
    }
}
