package dev.switchboard.stream;

/**
 * One SSE event of a stream: its id ({@code <streamId>_<sequence>}) and the JSON-RPC message it carries as text.
 * Empty data marks a priming event, which only gives the client an id to resume from.
 */
public record StreamEvent(String id, String data) {}
