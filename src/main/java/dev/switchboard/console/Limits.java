package dev.switchboard.console;

import io.smallrye.mutiny.Uni;

/** The {@code limit} query parameter of the console's lists: 1 to 500. */
final class Limits {

    static final int MAX = 500;

    private Limits() {}

    /** The limit asked for, {@code fallback} when absent, or a failure the client is told about (400). */
    static Uni<Integer> parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return Uni.createFrom().item(fallback);
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX) {
                return Uni.createFrom().item(limit);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Uni.createFrom()
                .failure(new ConsoleErrors.BadRequest(
                        "Bad Request: limit must be a whole number from 1 to " + MAX + ", not '" + value + "'"));
    }
}
