package dev.switchboard.upstream;

/** No answer at all: the upstream could not be connected to, or did not answer in time. */
class UpstreamUnreachable extends UpstreamException {

    UpstreamUnreachable(String message) {
        super(message);
    }
}
