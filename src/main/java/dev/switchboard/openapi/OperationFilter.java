package dev.switchboard.openapi;

import dev.switchboard.registry.NameGlobs;
import java.util.List;

/** Which operations a service serves: {@code include} and {@code exclude}, each operationId globs or tags. */
final class OperationFilter {

    private final List<String> include;
    private final List<String> exclude;
    private final NameGlobs included;
    private final NameGlobs excluded;

    OperationFilter(List<String> include, List<String> exclude) {
        this.include = include;
        this.exclude = exclude;
        this.included = NameGlobs.of(include);
        this.excluded = NameGlobs.of(exclude);
    }

    boolean serves(String operationId, List<String> tags) {
        return (include.isEmpty() || matches(include, included, operationId, tags))
                && !matches(exclude, excluded, operationId, tags);
    }

    private static boolean matches(List<String> patterns, NameGlobs globs, String operationId, List<String> tags) {
        return globs.matches(operationId) || (tags != null && tags.stream().anyMatch(patterns::contains));
    }
}
