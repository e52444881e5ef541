package dev.switchboard.upstream;

/** The upstream no longer knows the session we sent (HTTP 404): a new one is opened and the request sent again. */
class SessionLostException extends UpstreamException {

    SessionLostException(String upstream) {
        super("Upstream '" + upstream + "' lost its session");
    }
}
