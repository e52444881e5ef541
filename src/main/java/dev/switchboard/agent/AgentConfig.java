package dev.switchboard.agent;

import io.smallrye.config.WithDefault;

/** Settings of the agent loop, under {@code switchboard.agent}. */
public interface AgentConfig {

    /** The most model turns an agent run may take before it stops without an answer. */
    @WithDefault("8")
    int maxSteps();
}
