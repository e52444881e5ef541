package dev.switchboard.transport;

/**
 * Whether {@code /mcp} also accepts a browser request from its own origin (the request's scheme and host), whatever
 * {@code switchboard.transport.allowed-origins} says: the console page, served by this server under any host name,
 * is an MCP client of it. Declared here and implemented by the console, which the transport does not import.
 */
public interface SameOriginAccess {

    boolean acceptsSameOrigin();
}
