package dev.switchboard.prompt;

/** What a prompt may know about the request. */
public interface PromptContext {

    /** The session asking for the prompt. */
    String sessionId();
}
