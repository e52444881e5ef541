package dev.switchboard.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ElicitationResult;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_elicitation_sep1034_defaults", description = "Elicits a form whose fields have defaults.")
public class ElicitationDefaultsTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("name")
                .put("type", "string")
                .put("description", "User name")
                .put("default", "John Doe");
        p.putObject("age").put("type", "integer").put("description", "User age").put("default", 30);
        p.putObject("score")
                .put("type", "number")
                .put("description", "User score")
                .put("default", 95.5);
        ObjectNode status = p.putObject("status").put("type", "string").put("description", "User status");
        status.putArray("enum").add("active").add("inactive").add("pending");
        status.put("default", "active");
        p.putObject("verified")
                .put("type", "boolean")
                .put("description", "Verification status")
                .put("default", true);
        schema.putArray("required");
        ElicitationResult answer = context.elicit("Please review and update the form fields with defaults", schema);
        return "Elicitation completed: action=" + answer.action() + ", content=" + answer.content();
    }
}
