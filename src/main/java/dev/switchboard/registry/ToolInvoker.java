package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.ToolContext;

/** Binds a call's JSON arguments to one tool's Java signature and runs it. */
interface ToolInvoker {

    /**
     * @return what the tool returned
     * @throws InvalidArgumentsException when the arguments do not fit
     * @throws dev.switchboard.api.ToolException when the tool reports a failure
     */
    Object invoke(JsonNode arguments, ToolContext context);

    /** Whether the tool may block, asked once at start-up. */
    boolean blocking();
}
