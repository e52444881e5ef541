package dev.switchboard.upstream;

/** The upstream answered a request with a JSON-RPC error. */
class UpstreamRefusal extends UpstreamException {

    private final int code;

    UpstreamRefusal(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The JSON-RPC error code, e.g. {@code -32002} for a resource it does not have. */
    int code() {
        return code;
    }
}
