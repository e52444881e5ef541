package dev.switchboard.conformance;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.List;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Prompt(name = "test_prompt_with_arguments", description = "A prompt with two required arguments")
public class ArgumentsPrompt implements McpPrompt<ArgumentsPrompt.Args> {

    public record Args(
            @Description("First test argument") @NotNull String arg1,
            @Description("Second test argument") @NotNull String arg2) {}

    @Override
    public PromptResult get(Args arguments, PromptContext context) {
        return PromptResult.of(PromptMessage.user(
                "Prompt with arguments: arg1='" + arguments.arg1() + "', arg2='" + arguments.arg2() + "'"));
    }

    @Override
    public List<String> complete(String argument, String prefix) {
        return List.of("test", "testing", "tested").stream()
                .filter(v -> v.startsWith(prefix))
                .toList();
    }
}
