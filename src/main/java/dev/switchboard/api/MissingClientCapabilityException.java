package dev.switchboard.api;

/**
 * The client did not declare a capability the call needs (e.g. {@code sampling}). A tool may catch it to fall back
 * to something the client can do. Uncaught, it is a tool error result in the session era and a
 * {@code MissingRequiredClientCapability} error (-32021) in 2026-07-28.
 */
public class MissingClientCapabilityException extends ClientRequestException {

    private final String capability;

    public MissingClientCapabilityException(String capability, String mode) {
        super("The client did not declare the " + capability + (mode == null ? "" : "." + mode)
                + " capability, so the server cannot use it");
        this.capability = capability;
    }

    /** The missing capability, e.g. {@code sampling}. */
    public String capability() {
        return capability;
    }
}
