package dev.switchboard.tool.registry;

import dev.switchboard.tool.ToolException;

/** The call's arguments do not fit the tool's argument record or break one of its constraints. */
public class InvalidArgumentsException extends ToolException {

    public InvalidArgumentsException(String message) {
        super(message);
    }
}
