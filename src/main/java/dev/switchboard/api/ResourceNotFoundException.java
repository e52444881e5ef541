package dev.switchboard.api;

/** No resource exists at the requested URI. */
public class ResourceNotFoundException extends RuntimeException {

    private final String uri;

    public ResourceNotFoundException(String uri) {
        super("Resource not found: " + uri, null, false, false);
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
