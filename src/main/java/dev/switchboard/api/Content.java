package dev.switchboard.api;

/**
 * One item of a tool result's or prompt message's {@code content}: text, image, audio, an embedded resource or a
 * link to a resource.
 */
public sealed interface Content permits TextContent, ImageContent, AudioContent, EmbeddedResource, ResourceLink {

    /** The MCP content type, e.g. {@code text}. */
    String type();
}
