package dev.switchboard.tools.weather;

import dev.switchboard.tool.Description;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The original article's first tool: the weather in a city. */
@ApplicationScoped
@RegisterForReflection
@ToolDefinition(
        name = "weather.get",
        title = "Weather",
        description = "Current weather for a city: conditions in words and the temperature.",
        readOnly = true,
        idempotent = true)
public class WeatherTool implements McpTool<WeatherTool.Args, Weather> {

    public record Args(
            @Description("City name, e.g. \"Paris\"") @NotBlank @Size(max = 100)
            String city) {}

    private final WeatherProvider provider;

    WeatherTool(WeatherProvider provider) {
        this.provider = provider;
    }

    @Override
    public Weather call(Args args, ToolContext context) {
        return provider.current(args.city());
    }
}
