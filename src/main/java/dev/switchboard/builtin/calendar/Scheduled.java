package dev.switchboard.builtin.calendar;

import dev.switchboard.api.Description;
import java.util.List;

/** An event as saved by {@code calendar.add} or {@code calendar.update}, with the events it overlaps. */
public record Scheduled(
        @Description("The event as saved") CalendarEvent event,

        @Description("Other events in the same calendar that share time with it; empty when none")
        List<CalendarEvent> overlaps) {}
