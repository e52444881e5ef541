package dev.switchboard.conformance;

/**
 * Tools, resources and prompts that the official MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}) expects, each behaving as its scenario describes. They are never in
 * the production build: this source folder is compiled only into tests and into the {@code -Pconformance} jar, and
 * the beans exist only when {@value #PROPERTY} is true at build time.
 */
public final class Fixtures {

    public static final String PROPERTY = "switchboard-conformance.fixtures";

    /** A 1x1 red PNG. */
    public static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /** A tiny WAV file. */
    public static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private Fixtures() {}

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
