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
@Tool(
        name = "test_elicitation_sep1330_enums",
        description = "Elicits single and multiple choices, with and without titles.")
public class ElicitationEnumsTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        ObjectNode untitled =
                p.putObject("untitledSingle").put("type", "string").put("description", "Select one option");
        untitled.putArray("enum").add("option1").add("option2").add("option3");
        ObjectNode titled =
                p.putObject("titledSingle").put("type", "string").put("description", "Select one option with titles");
        var oneOf = titled.putArray("oneOf");
        oneOf.addObject().put("const", "value1").put("title", "First Option");
        oneOf.addObject().put("const", "value2").put("title", "Second Option");
        oneOf.addObject().put("const", "value3").put("title", "Third Option");
        ObjectNode legacy =
                p.putObject("legacyEnum").put("type", "string").put("description", "Select one option (legacy)");
        legacy.putArray("enum").add("opt1").add("opt2").add("opt3");
        legacy.putArray("enumNames").add("Option One").add("Option Two").add("Option Three");
        ObjectNode untitledMulti = p.putObject("untitledMulti")
                .put("type", "array")
                .put("description", "Select multiple options")
                .put("minItems", 1)
                .put("maxItems", 3);
        untitledMulti
                .putObject("items")
                .put("type", "string")
                .putArray("enum")
                .add("option1")
                .add("option2")
                .add("option3");
        ObjectNode titledMulti = p.putObject("titledMulti")
                .put("type", "array")
                .put("description", "Select multiple options with titles")
                .put("minItems", 1)
                .put("maxItems", 3);
        var anyOf = titledMulti.putObject("items").putArray("anyOf");
        anyOf.addObject().put("const", "value1").put("title", "First Choice");
        anyOf.addObject().put("const", "value2").put("title", "Second Choice");
        anyOf.addObject().put("const", "value3").put("title", "Third Choice");
        schema.putArray("required");
        ElicitationResult answer = context.elicit("Please select options from the enum fields", schema);
        return "Elicitation completed: action=" + answer.action() + ", content=" + answer.content();
    }
}
