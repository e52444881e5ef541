package dev.switchboard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The user's answer to an elicitation.
 *
 * @param action {@code accept}, {@code decline} or {@code cancel}
 * @param content the submitted values when accepted, else null
 */
public record ElicitationResult(String action, ObjectNode content) {

    public boolean accepted() {
        return "accept".equals(action);
    }
}
