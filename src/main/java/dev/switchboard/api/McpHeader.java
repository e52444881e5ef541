package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mirrors a tool argument into the HTTP header {@code Mcp-Param-<value>} (MCP 2026-07-28, {@code x-mcp-header}), so
 * gateways and load balancers can route or rate-limit on it without reading the body. Clients send the header with
 * the argument's value and the server checks that the two agree. Only for string, integer and boolean arguments
 * reached through plain object properties.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE
})
public @interface McpHeader {

    /** The header name after {@code Mcp-Param-}, e.g. {@code Region}: an HTTP token, unique per tool. */
    String value();
}
