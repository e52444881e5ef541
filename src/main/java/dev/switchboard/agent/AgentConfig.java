package dev.switchboard.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the agent loop, under {@code switchboard.agent}. */
@ConfigMapping(prefix = "switchboard.agent")
public interface AgentConfig {

    /**
     * Base URL of an OpenAI-compatible Chat Completions API (the part before {@code /chat/completions}): OpenAI, or a
     * local server such as Ollama ({@code http://localhost:11434/v1}), vLLM or llama.cpp.
     */
    @WithDefault("https://api.openai.com/v1")
    URI baseUrl();

    /** The API key, sent as a bearer token; set it from {@code OPENAI_API_KEY}. Local servers often need none. */
    Optional<String> apiKey();

    /** The model to ask, e.g. {@code gpt-4o-mini} or {@code llama3.1}. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** The most model turns an agent run may take before it stops without an answer. */
    @WithDefault("8")
    int maxSteps();

    /** Timeout of each call to the model. */
    @WithDefault("60s")
    Duration modelTimeout();

    /** The MCP server the agent uses; unset, this server's own {@code /mcp}. */
    Optional<URI> mcpUrl();

    /**
     * Whether the agent sends its caller's {@code Authorization} header to the MCP server, acting as the caller there.
     * Only right when that server is this one (the resource the token was issued for): unset, true exactly when
     * {@code mcp-url} is unset. Never set it for another server, which would be token passthrough.
     */
    Optional<Boolean> forwardAuthorization();

    /** Timeout of each MCP request (a tool call included). */
    @WithDefault("60s")
    Duration mcpTimeout();

    /** The system prompt that opens every run. */
    @WithDefault("You are a helpful assistant. Use the tools when they help; answer briefly.")
    String systemPrompt();
}
