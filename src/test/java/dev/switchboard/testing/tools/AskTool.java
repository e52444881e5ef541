package dev.switchboard.testing.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ElicitationResult;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@Tool(name = "test.ask", description = "Asks the user for a name, then the client's LLM for a greeting.")
public class AskTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("name").put("type", "string");
        schema.putArray("required").add("name");
        ElicitationResult answer = context.elicit("What is your name?", schema);
        String name = answer.accepted() ? answer.content().path("name").asText() : "nobody";
        String greeting =
                context.sample(SamplingRequest.ofUserText("Greet " + name, 50)).text();
        return "elicited " + answer.action() + " " + name + "; sampled " + greeting + "; roots "
                + context.roots().size();
    }
}
