package dev.switchboard.builtin.calendar;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar tools against the real test Redis: order, overlaps, update, delete, iCalendar, scoping. */
@QuarkusTest
@SharedApp
class CalendarToolsTest {

    private static String add(String session, int id, String title, String start, String end) {
        String endField = end == null ? "" : ",\"end\":\"" + end + "\"";
        return post(
                        session,
                        call(
                                id,
                                "calendar.add",
                                "{\"title\":\"" + title + "\",\"start\":\"" + start + "\"" + endField + "}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .jsonPath()
                .getString("result.structuredContent.event.id");
    }

    @Test
    void eventsAreListedInStartOrderAndOverlapsReported() {
        String session = initialize();
        add(session, 1, "Lunch", "2026-11-24T12:00:00+01:00", "2026-11-24T13:00:00+01:00");
        add(session, 2, "Standup", "2026-11-24T09:00:00+01:00", "2026-11-24T09:15:00+01:00");
        // 11:30Z is 12:30 in Paris: it overlaps lunch, whatever offset each was given with.
        post(
                        session,
                        call(
                                3,
                                "calendar.add",
                                "{\"title\":\"Call\",\"start\":\"2026-11-24T11:30:00Z\","
                                        + "\"end\":\"2026-11-24T12:30:00Z\"}"))
                .body("result.structuredContent.overlaps.title", equalTo(List.of("Lunch")));
        // Touching end to start is no overlap.
        post(session, call(4, "calendar.add", "{\"title\":\"Walk\",\"start\":\"2026-11-24T13:30:00+01:00\"}"))
                .body("result.structuredContent.overlaps", empty());
        post(session, call(5, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Standup", "Lunch", "Call", "Walk")));
        post(
                        session,
                        call(
                                6,
                                "calendar.list",
                                "{\"from\":\"2026-11-24T10:00:00+01:00\"," + "\"to\":\"2026-11-24T12:00:00+01:00\"}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Lunch")));
    }

    @Test
    void aRetriedAddAnswersTheEventAlreadyThereInsteadOfACopy() {
        String session = initialize();
        String first = add(session, 1, "Dentist", "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00");
        // The same event, its start given in another offset: a retry after a lost answer.
        String retried = add(session, 2, "Dentist", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z");
        assertEquals(first, retried);
        // Another title at the same time is another event.
        String other = add(session, 3, "Dentist (call)", "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00");
        assertTrue(!other.equals(first));
        // Two events at one time: their order is not defined.
        post(session, call(4, "calendar.list", "{}"))
                .body("result.structuredContent.events.id", containsInAnyOrder(first, other));
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndDeleteRemoves() {
        String session = initialize();
        String id = add(session, 1, "Dentist", "2026-11-25T10:00:00+01:00", "2026-11-25T11:00:00+01:00");
        add(session, 2, "Gym", "2026-11-25T12:00:00+01:00", "2026-11-25T13:00:00+01:00");
        post(
                        session,
                        call(
                                3,
                                "calendar.update",
                                "{\"id\":\"" + id + "\",\"start\":\"2026-11-25T12:30:00+01:00\","
                                        + "\"end\":\"2026-11-25T13:30:00+01:00\"}"))
                .body("result.structuredContent.event.title", equalTo("Dentist"))
                .body("result.structuredContent.event.start", equalTo("2026-11-25T12:30:00+01:00"))
                .body("result.structuredContent.overlaps.title", equalTo(List.of("Gym")));
        post(session, call(4, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Gym", "Dentist")));
        post(session, call(5, "calendar.update", "{\"id\":\"" + id + "\",\"end\":\"2026-11-25T12:00:00+01:00\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("must be after 'start'"));
        post(session, call(6, "calendar.delete", "{\"id\":\"" + id + "\"}"))
                .body("result.structuredContent.deleted.title", equalTo("Dentist"));
        post(session, call(7, "calendar.delete", "{\"id\":\"" + id + "\"}"))
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("No event with id"));
        post(session, call(8, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Gym")));
    }

    @Test
    void oneSessionNeverSeesAnothersCalendar() {
        String mine = initialize();
        String yours = initialize();
        String id = add(mine, 1, "Private", "2026-11-26T10:00:00Z", null);
        post(yours, call(2, "calendar.list", "{}")).body("result.structuredContent.events", empty());
        post(yours, call(3, "calendar.delete", "{\"id\":\"" + id + "\"}")).body("result.isError", equalTo(true));
        post(mine, call(4, "calendar.list", "{}"))
                .body("result.structuredContent.events.title", equalTo(List.of("Private")));
    }

    @Test
    void theCalendarExportsAsICalendar() {
        String session = initialize();
        add(session, 1, "Review, part 1; notes", "2026-11-27T09:00:00+01:00", "2026-11-27T10:00:00+01:00");
        String ics = post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":"
                                + "{\"uri\":\"switchboard://session/calendar.ics\"}}")
                .body("result.contents[0].mimeType", equalTo("text/calendar"))
                .extract()
                .jsonPath()
                .getString("result.contents[0].text");
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
        assertTrue(ics.contains("\r\nDTSTART:20261127T080000Z\r\nDTEND:20261127T090000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nSUMMARY:Review\\, part 1\\; notes\r\n"), ics);
        assertTrue(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"), ics);
    }

    @Test
    void longLinesAreFoldedAt75Octets() {
        String folded = ICalendar.write(
                List.of(new CalendarEvent(
                        "id", "é".repeat(60), java.time.OffsetDateTime.parse("2026-11-27T09:00:00Z"), null, null)),
                java.time.Instant.parse("2026-11-24T00:00:00Z"));
        for (String line : folded.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals(
                "é".repeat(60),
                folded.lines()
                        .dropWhile(line -> !line.startsWith("SUMMARY:"))
                        .takeWhile(line -> !line.startsWith("END:VEVENT"))
                        .map(line -> line.startsWith(" ") ? line.substring(1) : line.substring("SUMMARY:".length()))
                        .reduce("", String::concat));
    }
}
