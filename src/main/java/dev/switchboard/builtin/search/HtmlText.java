package dev.switchboard.builtin.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML fragments providers put in titles and snippets (Brave marks matches with {@code <strong>} and
 * escapes quotes as {@code &#x27;}) into plain text, so the model reads words rather than markup.
 */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<(?:br|/?p|/?div|/?li)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>"); // a real tag, not "a < b"
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "hellip", "…", "mdash", "—",
            "ndash", "–");

    private HtmlText() {}

    /** The text of {@code html} without tags, entities decoded, white space collapsed; "" for null. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        // Inline tags (<strong>) vanish without a space, so "<strong>Quarkus</strong>'s" stays one word.
        String text = TAG.matcher(BREAK.matcher(html).replaceAll(" ")).replaceAll("");
        Matcher entities = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (entities.find()) {
            entities.appendReplacement(decoded, Matcher.quoteReplacement(decode(entities.group(1), entities.group())));
        }
        entities.appendTail(decoded);
        return SPACES.matcher(decoded).replaceAll(" ").trim();
    }

    private static String decode(String entity, String original) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity, original);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int codePoint = Integer.parseInt(hex ? entity.substring(2) : entity.substring(1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0
                ? new String(Character.toChars(codePoint))
                : original;
    }
}
