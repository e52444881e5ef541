package dev.switchboard.tools.memory;

/**
 * Whose memories a call sees: every store operation takes one, and a scope never sees another's memories. Today it
 * is the configured namespace; with authentication it becomes the caller's principal (see {@link MemoryScopes}).
 *
 * @param id 1-200 characters, none of them whitespace, a brace or a control character: the id is a Redis hash tag
 *     ({@code {id}}), and a brace would move the tag
 */
public record MemoryScope(String id) {

    private static final int MAX_LENGTH = 200;

    public MemoryScope {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A memory scope has 1-" + MAX_LENGTH + " characters: '" + id + "'");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '{' || c == '}' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(
                        "A memory scope has no whitespace, braces or control characters: '" + id + "'");
            }
        }
    }
}
