package dev.switchboard.api;

import java.util.Locale;
import java.util.Optional;

/** MCP log levels (RFC 5424 severities), least severe first. */
public enum LogLevel {
    DEBUG,
    INFO,
    NOTICE,
    WARNING,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    // Read on every session-era request (the session's threshold): no lower-casing, array copy or Optional per call.
    private static final LogLevel[] LEVELS = values();
    private static final Optional<LogLevel>[] FOUND = found();

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static Optional<LogLevel> of(String wire) {
        for (LogLevel level : LEVELS) {
            if (level.wire.equals(wire)) {
                return FOUND[level.ordinal()];
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<LogLevel>[] found() {
        Optional<LogLevel>[] found = new Optional[LEVELS.length];
        for (LogLevel level : LEVELS) {
            found[level.ordinal()] = Optional.of(level);
        }
        return found;
    }

    public boolean atLeast(LogLevel threshold) {
        return compareTo(threshold) >= 0;
    }
}
