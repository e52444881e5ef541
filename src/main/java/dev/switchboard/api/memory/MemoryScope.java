package dev.switchboard.api.memory;

import java.util.regex.Pattern;

/**
 * Whose memories a call sees: every store operation takes one, and a scope never sees another's memories. It is the
 * caller's principal within the configured namespace (see {@link MemoryScopes}).
 *
 * @param id matches {@link #ID_PATTERN}: 1-200 characters, none of them whitespace, a brace or a control character,
 *     since the id is a Redis hash tag ({@code {id}}) and a brace would move the tag
 */
public record MemoryScope(String id) {

    /** What a scope id may be. */
    public static final String ID_PATTERN = "[^\\s{}\\p{Cntrl}]{1,200}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    public MemoryScope {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A memory scope is 1-200 characters without whitespace, braces or"
                    + " control characters: '" + id + "'");
        }
    }
}
