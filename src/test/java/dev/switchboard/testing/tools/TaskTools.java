package dev.switchboard.testing.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.Description;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import jakarta.enterprise.context.ApplicationScoped;

/** Tools that run as tasks, held at a {@link TaskGate} so tests see each status. */
@ApplicationScoped
public class TaskTools {

    private final TaskGate gate;

    TaskTools(TaskGate gate) {
        this.gate = gate;
    }

    @Tool(
            name = "test.task.gated",
            description = "Reports progress, waits at the gate named by label, then answers.",
            taskSupport = TaskSupport.OPTIONAL)
    public String gated(@Description("The gate") String label, ToolContext context) {
        context.progress(1, 2.0, "Waiting at gate " + label);
        if (!gate.await(label) || context.isCancelled()) {
            throw new ToolException("Gate " + label + " never opened");
        }
        return "Passed gate " + label;
    }

    @Tool(
            name = "test.task.chatty",
            description = "Reports progress steps times in a tight loop, then waits at the gate named by label.",
            taskSupport = TaskSupport.OPTIONAL)
    public String chatty(
            @Description("The gate") String label, @Description("Progress reports") int steps, ToolContext context) {
        for (int step = 1; step <= steps; step++) {
            context.progress(step, (double) steps, "Step " + step + " of " + steps);
        }
        if (!gate.await(label) || context.isCancelled()) {
            throw new ToolException("Gate " + label + " never opened");
        }
        return "Passed gate " + label;
    }

    @Tool(
            name = "test.task.failing",
            description = "Reports progress, then fails as a tool.",
            taskSupport = TaskSupport.OPTIONAL)
    public String failing(ToolContext context) {
        context.progress(1, null, "About to fail");
        throw new ToolException("It failed, as planned");
    }

    @Tool(
            name = "test.task.crashing",
            description = "Reports progress, then crashes (a protocol error).",
            taskSupport = TaskSupport.OPTIONAL)
    public String crashing(ToolContext context) {
        context.progress(1, null, "About to crash");
        throw new IllegalStateException("crashed, as planned");
    }

    @Tool(
            name = "test.task.asking",
            description = "Reports progress, then asks for a name and a confirmation at once.",
            taskSupport = TaskSupport.OPTIONAL)
    public String asking(ToolContext context) {
        context.progress(1, null, "Asking");
        ClientAnswers answers = context.ask(
                InputRequest.elicit("name", "Your name?", stringSchema("name")),
                InputRequest.elicit("sure", "Sure?", stringSchema("sure")));
        return "Hello, " + answers.elicitation("name").content().path("name").asText() + " ("
                + answers.elicitation("sure").content().path("sure").asText() + ")";
    }

    @Tool(
            name = "test.task.required",
            description = "Only runs as a task; answers at once.",
            taskSupport = TaskSupport.REQUIRED)
    public String required(ToolContext context) {
        context.progress(1, null, "Working");
        return "done";
    }

    @Tool(
            name = "test.task.quick",
            description = "May run as a task but answers before it becomes one.",
            taskSupport = TaskSupport.OPTIONAL)
    public String quick() {
        return "quick";
    }

    private static ObjectNode stringSchema(String property) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject(property).put("type", "string");
        schema.putArray("required").add(property);
        return schema;
    }
}
