package dev.switchboard.registry;

/**
 * A source of tools besides this application's beans (upstream servers), declared so the registry knows from start-up
 * that its list may change, and clients are told {@code tools.listChanged}.
 */
public interface ToolSources {

    /** Whether this source is configured, so it will mount tools. */
    boolean configured();
}
