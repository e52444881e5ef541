package dev.switchboard.builtin.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes events as an iCalendar (RFC 5545) document. */
final class ICalendar {

    static final String MIME_TYPE = "text/calendar";

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Content lines are folded at 75 octets (RFC 5545 section 3.1). */
    private static final int FOLD_AT = 75;

    private ICalendar() {}

    static String write(List<CalendarEvent> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Switchboard//MCP calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        for (CalendarEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + event.id() + "@switchboard");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(event.start()));
            if (event.end() != null) {
                line(out, "DTEND:" + UTC.format(event.end()));
            }
            line(out, "SUMMARY:" + text(event.title()));
            if (event.notes() != null) {
                line(out, "DESCRIPTION:" + text(event.notes()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 section 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line, folded so no physical line exceeds 75 octets, with CRLF endings. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > FOLD_AT) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
