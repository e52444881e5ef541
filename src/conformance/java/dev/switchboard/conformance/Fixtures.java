package dev.switchboard.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolContext;

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

    /** Asks the user's name under the key {@code user_name}. */
    static String askName(ToolContext context) {
        return context.elicit("user_name", "What is your name?", stringSchema("name"))
                .content()
                .path("name")
                .asText();
    }

    /** Asks the user to confirm under the key {@code confirm}. */
    static boolean confirm(ToolContext context) {
        return context.elicit("confirm", "Please confirm", booleanSchema("ok"))
                .content()
                .path("ok")
                .asBoolean();
    }

    /** A form-elicitation schema with one required string property. */
    static ObjectNode stringSchema(String property) {
        return schema(property, "string");
    }

    /** A form-elicitation schema with one required boolean property. */
    static ObjectNode booleanSchema(String property) {
        return schema(property, "boolean");
    }

    private static ObjectNode schema(String property, String type) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject(property).put("type", type);
        schema.putArray("required").add(property);
        return schema;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
