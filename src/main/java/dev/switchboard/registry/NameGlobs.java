package dev.switchboard.registry;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Name globs of settings that choose tools ({@code include}, {@code exclude}): {@code *} any run of characters,
 * {@code ?} one character, anything else itself.
 */
public final class NameGlobs {

    private final List<Pattern> patterns;

    private NameGlobs(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    public static NameGlobs of(List<String> globs) {
        return new NameGlobs(globs.stream().map(NameGlobs::pattern).toList());
    }

    /** Whether any glob matches the whole of {@code name}. */
    public boolean matches(String name) {
        return name != null
                && patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    private static Pattern pattern(String glob) {
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
