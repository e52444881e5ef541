package dev.switchboard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Asking the client for input while serving a call: user input (elicitation), an LLM completion (sampling), or its
 * roots. Written once, it works in both eras:
 *
 * <ul>
 *   <li>session era (up to 2025-11-25): the server sends the requests to the client and the calling worker thread
 *       waits for the answers;
 *   <li>2026-07-28 (multi round-trip requests): the call ends with an {@code input_required} result listing what is
 *       missing; the client retries with the answers and the call runs again from the start, this time receiving
 *       them. Code before an {@code ask} therefore runs once per round: keep it free of side effects, or make them
 *       idempotent.
 * </ul>
 */
public interface ClientInput {

    /**
     * Asks for everything in {@code requests} at once (one round trip in 2026-07-28) and returns the answers.
     *
     * @throws MissingClientCapabilityException when the client did not declare a capability a request needs
     * @throws ClientRequestException when the client answers with an error or not in time (session era)
     */
    ClientAnswers ask(InputRequest... requests);

    /** Asks the user for structured input (form-mode elicitation), under a generated key. */
    default ElicitationResult elicit(String message, ObjectNode requestedSchema) {
        return elicit("elicitation", message, requestedSchema);
    }

    /** Asks the user for structured input (form-mode elicitation); {@code key} names it in 2026-07-28. */
    default ElicitationResult elicit(String key, String message, ObjectNode requestedSchema) {
        return ask(InputRequest.elicit(key, message, requestedSchema)).elicitation(key);
    }

    /** Sends the user to a URL (URL-mode elicitation), e.g. to authorise access. */
    default ElicitationResult elicitUrl(String message, String url) {
        return ask(InputRequest.elicitUrl("elicitation-url", message, url)).elicitation("elicitation-url");
    }

    /** Asks the client's LLM for a completion. */
    default SamplingResult sample(SamplingRequest request) {
        return ask(InputRequest.sample("sampling", request)).sampling("sampling");
    }

    /** The client's roots (directories or URIs it exposes). */
    default List<Root> roots() {
        return ask(InputRequest.roots("roots")).roots("roots");
    }
}
