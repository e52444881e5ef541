package dev.switchboard.api;

/** What a resource read may know about the request. */
public interface ResourceContext {

    /** The session reading the resource. */
    String sessionId();

    /** The URI being read. */
    String uri();

    /**
     * Who is calling: with authorization on, the token's principal, which owns the sessions, workspaces and memories
     * it creates; {@link Principal#OPEN} without authorization.
     */
    Principal principal();
}
