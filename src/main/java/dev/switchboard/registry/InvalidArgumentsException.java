package dev.switchboard.registry;

import dev.switchboard.api.ToolException;

/** The call's arguments do not fit the tool's argument record or break one of its constraints. */
public class InvalidArgumentsException extends ToolException {

    public InvalidArgumentsException(String message) {
        super(message);
    }
}
