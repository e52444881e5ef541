package dev.switchboard.testing.tools;

/**
 * Tools that exercise the tool context (progress, logging, cancellation, client requests, timeouts). They exist only
 * in test builds with {@code switchboard-test.tools=true} (see {@link dev.switchboard.testing.TestToolsProfile}).
 */
public final class TestTools {

    public static final String PROPERTY = "switchboard-test.tools";

    private TestTools() {}
}
