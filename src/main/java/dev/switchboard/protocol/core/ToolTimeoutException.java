package dev.switchboard.protocol.core;

import dev.switchboard.api.ToolException;
import java.time.Duration;

/** A tool ran past its time limit and was cancelled. */
public final class ToolTimeoutException extends ToolException {

    ToolTimeoutException(String tool, Duration limit) {
        super("Tool '" + tool + "' did not finish within " + limit.toMillis() / 1000.0 + " s and was cancelled");
    }
}
