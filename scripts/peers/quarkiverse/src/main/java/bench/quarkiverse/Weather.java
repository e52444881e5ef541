package bench.quarkiverse;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

/** The one tool of the Quarkiverse peer: the same fixed answer as the ceiling's. */
public class Weather {

    static final String ANSWER = "{\"forecast\":\"Sunny\",\"temperature\":\"27°C\"}";

    @Tool(name = "weather.get", description = "Weather of a city")
    String get(@ToolArg(description = "The city") String city) {
        return ANSWER;
    }
}
