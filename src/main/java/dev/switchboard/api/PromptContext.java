package dev.switchboard.api;

/** What a prompt may know about the request; it may ask the client for input like a tool. */
public interface PromptContext extends ClientInput {

    /** The session asking for the prompt, or null in the stateless revision 2026-07-28. */
    String sessionId();
}
