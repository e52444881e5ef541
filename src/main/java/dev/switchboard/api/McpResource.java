package dev.switchboard.api;

/**
 * A resource with a fixed URI. Implement it in one CDI bean annotated with {@link Resource}; it appears in
 * {@code resources/list} and is read with {@code resources/read}. {@link #read} runs on a worker thread.
 */
public interface McpResource {

    ResourceContents read(ResourceContext context);
}
