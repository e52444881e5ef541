package dev.switchboard.upstream;

/** An upstream could not be reached or answered in a way we cannot use; the message is safe to show a caller. */
class UpstreamException extends RuntimeException {

    UpstreamException(String message) {
        super(message);
    }

    UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
