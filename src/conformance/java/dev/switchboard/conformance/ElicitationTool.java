package dev.switchboard.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Description;
import dev.switchboard.api.ElicitationResult;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_elicitation", description = "Asks the user for a username and an email address.")
public class ElicitationTool implements McpTool<ElicitationTool.Args, String> {

    public record Args(
            @Description("What to ask the user") @NotBlank String message) {}

    @Override
    public String call(Args arguments, ToolContext context) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("username").put("type", "string").put("description", "User's response");
        properties.putObject("email").put("type", "string").put("description", "User's email address");
        schema.putArray("required").add("username").add("email");
        ElicitationResult answer = context.elicit(arguments.message(), schema);
        return "User response: action=" + answer.action() + ", content=" + answer.content();
    }
}
