package dev.switchboard.openapi;

import java.util.List;
import java.util.regex.Pattern;

/** Which operations a service serves: {@code include} and {@code exclude}, each operationId globs or tags. */
final class OperationFilter {

    private final List<String> include;
    private final List<String> exclude;

    OperationFilter(List<String> include, List<String> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    boolean serves(String operationId, List<String> tags) {
        return (include.isEmpty() || matches(include, operationId, tags)) && !matches(exclude, operationId, tags);
    }

    private static boolean matches(List<String> patterns, String operationId, List<String> tags) {
        for (String pattern : patterns) {
            if (tags != null && tags.contains(pattern)) {
                return true;
            }
            if (operationId != null && glob(pattern).matcher(operationId).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
