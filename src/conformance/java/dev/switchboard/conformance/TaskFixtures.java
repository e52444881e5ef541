package dev.switchboard.conformance;

import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.Description;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * Conformance fixtures of the tasks extension (the {@code tasks-*} scenarios of 2026-07-28). A 2026-07-28 call becomes
 * a task when the tool first reports progress, so the tools that must be tasks report it first.
 */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
public class TaskFixtures {

    @Tool(name = "greet", description = "Greets by name, at once (never a task).")
    public String greet(@Description("Who to greet") String name) {
        return "Hello, " + name + "!";
    }

    @Tool(
            name = "slow_compute",
            description = "Works for the given seconds, then answers; runs as a task.",
            taskSupport = TaskSupport.OPTIONAL)
    public String slowCompute(
            @Description("How long to work") @Min(0) @Max(600) int seconds,
            @Description("A label echoed in the answer") Optional<String> label,
            ToolContext context) {
        for (int second = 0; second < seconds; second++) {
            context.progress(second, (double) seconds, "Computing: " + second + " of " + seconds + " s");
            Fixtures.pause(1000);
            if (context.isCancelled()) {
                throw new ToolException("Cancelled");
            }
        }
        return "Computed " + label.orElse("result") + " in " + seconds + " s";
    }

    @Tool(
            name = "failing_job",
            description = "Fails as a tool after about a second; only runs as a task.",
            taskSupport = TaskSupport.REQUIRED)
    public String failingJob(ToolContext context) {
        context.progress(0, null, "Starting the job");
        Fixtures.pause(1000);
        throw new ToolException("The job failed, as it always does");
    }

    @Tool(
            name = "protocol_error_job",
            description = "Ends with a protocol error rather than a tool result.",
            taskSupport = TaskSupport.OPTIONAL)
    public String protocolErrorJob(ToolContext context) {
        context.progress(0, null, "Starting the job");
        throw new IllegalStateException("protocol_error_job fails outside the tool's own result");
    }

    @Tool(
            name = "confirm_delete",
            description = "Asks the user to confirm, then deletes (nothing, it is a fixture).",
            taskSupport = TaskSupport.OPTIONAL)
    public String confirmDelete(@Description("The file to delete") String filename, ToolContext context) {
        context.progress(0, null, "Asking for confirmation");
        return Fixtures.confirm(context) ? "Deleted " + filename : "Kept " + filename;
    }

    @Tool(
            name = "multi_input",
            description = "Asks two questions at once, then answers with both.",
            taskSupport = TaskSupport.OPTIONAL)
    public String multiInput(ToolContext context) {
        context.progress(0, null, "Asking two questions");
        ClientAnswers answers = context.ask(
                InputRequest.elicit("name", "What is your name?", Fixtures.stringSchema("name")),
                InputRequest.elicit("confirm", "Please confirm", Fixtures.booleanSchema("confirm")));
        return "Hello, " + answers.elicitation("name").content().path("name").asText("someone") + " ("
                + answers.elicitation("confirm").action() + ")";
    }

    @Tool(
            name = "test_tool_with_task",
            description = "Asks for the user's name (multi round-trip), then works on as a task.",
            taskSupport = TaskSupport.REQUIRED)
    public String toolWithTask(ToolContext context) {
        String name = Fixtures.askName(context);
        context.progress(0, null, "Working for " + name);
        Fixtures.pause(500);
        return "Hello, " + name + "!";
    }
}
