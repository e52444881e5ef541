package dev.switchboard.registry;

import dev.switchboard.api.Icon;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns icon URLs declared in annotations into MCP icons, guessing the MIME type from the URL. */
public final class Icons {

    private Icons() {}

    /** The icons, or null when there are none (so the field is left out). */
    public static List<Icon> of(String[] sources) {
        if (sources.length == 0) {
            return null;
        }
        return Arrays.stream(sources)
                .map(src -> new Icon(src, mimeType(src), null))
                .toList();
    }

    private static String mimeType(String src) {
        if (src.startsWith("data:")) {
            int end = src.indexOf(';');
            return end > 5 ? src.substring(5, end) : null;
        }
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return null;
    }
}
