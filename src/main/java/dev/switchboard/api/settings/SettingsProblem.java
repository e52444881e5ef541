package dev.switchboard.api.settings;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Reports a settings problem found by a class-level constraint on a configuration group. Such constraints are checked
 * by Bean Validation while Quarkus loads the configuration, before any extension starts, and Quarkus prints their
 * messages without a stack trace: the operator reads the one line that names what to set.
 */
public final class SettingsProblem {

    private SettingsProblem() {}

    /**
     * Replaces the constraint's default message with {@code message}, taken literally: the message may quote a value
     * the operator typed, which must not be read as a message template.
     *
     * @return false, so a validator can {@code return SettingsProblem.report(...)}
     */
    public static boolean report(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    static String literal(String message) {
        StringBuilder escaped = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
