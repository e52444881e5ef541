package dev.switchboard.protocol.input;

import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.protocol.core.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How a call obtains the client's input: by asking it now (session era) or from a retry (2026-07-28). */
public interface InputSource {

    /**
     * The answers to {@code requests}, keyed as requested.
     *
     * @throws MissingClientCapabilityException when the client did not declare what a request needs
     */
    ClientAnswers ask(Caller caller, List<InputRequest> requests);

    /** Refuses requests the client cannot serve, before anything is sent, and keys used twice in one ask. */
    static void check(Caller caller, List<InputRequest> requests) {
        Set<String> keys = new HashSet<>();
        for (InputRequest request : requests) {
            if (!keys.add(request.key())) {
                throw new IllegalArgumentException("Input request key '" + request.key() + "' is used twice");
            }
            if (!caller.declares(request.capability(), request.mode())) {
                throw new MissingClientCapabilityException(request.capability(), request.mode());
            }
        }
    }
}
