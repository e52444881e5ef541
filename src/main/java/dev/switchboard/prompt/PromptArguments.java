package dev.switchboard.prompt;

import com.fasterxml.jackson.databind.JsonNode;

/** How a prompt's JSON arguments become what its bean takes. */
interface PromptArguments {

    /**
     * @param arguments the request's {@code arguments}: an object, or missing
     * @throws IllegalArgumentException with a message for the client when the arguments are wrong
     */
    Object bind(JsonNode arguments);
}
