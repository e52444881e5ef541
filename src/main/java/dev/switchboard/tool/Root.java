package dev.switchboard.tool;

/** A root the client exposes: a URI (usually {@code file://}) and an optional name. */
public record Root(String uri, String name) {}
