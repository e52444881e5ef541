package dev.switchboard.api.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link CheckedSettings#check} found wrong, in words an operator can act on. Properties are named relative to
 * the configuration interface's prefix ({@code "window"} under {@code switchboard.rate-limit}), and each message names
 * the property and its environment variable.
 */
public final class SettingsProblems {

    private final String prefix;
    private final List<String> messages = new ArrayList<>();

    /** Problems of the settings under {@code prefix}, e.g. {@code switchboard.rate-limit}. */
    public SettingsProblems(String prefix) {
        this.prefix = prefix;
    }

    /** A problem, taken literally: say what is wrong and what to set. */
    public void add(String message) {
        messages.add(message);
    }

    /** Unless {@code holds}, reports that {@code property} must {@code must}, e.g. "must be one of a, b, not 'c'". */
    public void require(boolean holds, String property, String must) {
        if (!holds) {
            add(name(property) + " must " + must);
        }
    }

    public void atLeast(String property, long value, long least) {
        require(value >= least, property, "be at least " + least + ", not " + value);
    }

    public void atLeast(String property, Duration value, Duration least) {
        require(value.compareTo(least) >= 0, property, "be at least " + words(least) + ", not " + words(value));
    }

    /** The problems reported, in order; empty when the settings can work. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** {@code switchboard.rate-limit.window (SWITCHBOARD_RATE_LIMIT_WINDOW)}: both ways an operator sets it. */
    public String name(String property) {
        String full = prefix.isEmpty() ? property : prefix + "." + property;
        return full + " (" + full.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT) + ")";
    }

    /** A duration as it is configured: {@code 1s}, {@code 250ms}, {@code 0ms}. */
    static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 && millis != 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
