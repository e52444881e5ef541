package dev.switchboard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Something a tool (or prompt) needs from the client before it can finish: user input (elicitation), an LLM
 * completion (sampling) or the client's roots. The key names the answer in {@link ClientAnswers}; in 2026-07-28 it
 * is also the key of the {@code inputRequests} entry the client answers.
 */
public sealed interface InputRequest {

    /** Names the answer; unique among the requests of one call. */
    String key();

    /** The client capability this request needs, e.g. {@code elicitation}. */
    String capability();

    /** The capability's mode this request needs (e.g. {@code url}), or null. */
    default String mode() {
        return null;
    }

    /** Form-mode elicitation: asks the user for values described by a flat JSON Schema of primitive properties. */
    static InputRequest elicit(String key, String message, ObjectNode requestedSchema) {
        return new Elicit(key, message, requestedSchema);
    }

    /** URL-mode elicitation: sends the user to a URL, e.g. to authorise access. */
    static InputRequest elicitUrl(String key, String message, String url) {
        return new ElicitUrl(key, message, url);
    }

    /** An LLM completion by the client. */
    static InputRequest sample(String key, SamplingRequest request) {
        return new Sample(key, request);
    }

    /** The client's roots. */
    static InputRequest roots(String key) {
        return new ListRoots(key);
    }

    record Elicit(String key, String message, ObjectNode requestedSchema) implements InputRequest {
        public Elicit {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestedSchema, "requestedSchema");
        }

        @Override
        public String capability() {
            return "elicitation";
        }
    }

    record ElicitUrl(String key, String message, String url) implements InputRequest {
        public ElicitUrl {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String capability() {
            return "elicitation";
        }

        @Override
        public String mode() {
            return "url";
        }
    }

    record Sample(String key, SamplingRequest request) implements InputRequest {
        public Sample {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String capability() {
            return "sampling";
        }
    }

    record ListRoots(String key) implements InputRequest {
        public ListRoots {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String capability() {
            return "roots";
        }
    }
}
