package dev.switchboard.resource;

/** What a resource read may know about the request. */
public interface ResourceContext {

    /** The session reading the resource. */
    String sessionId();

    /** The URI being read. */
    String uri();
}
