package dev.switchboard.builtin.calendar;

import dev.switchboard.api.AppView;
import dev.switchboard.api.Description;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceNotifier;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.ToolState;
import dev.switchboard.builtin.workspace.WorkspaceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The calendar tools of the original article, made real: events of a workspace's calendar, or of the session's own.
 * Times keep the offset they were given.
 */
@ApplicationScoped
@RequiresScopes("calendar")
public class Calendar {

    /** The events {@code calendar.list} answers. */
    public record Events(
            @Description("The events, earliest first") List<CalendarEvent> events) {}

    /** The event {@code calendar.delete} removed. */
    public record Deleted(
            @Description("The event that was deleted") CalendarEvent deleted) {}

    private final ToolState state;
    private final ResourceNotifier notifier;

    Calendar(ToolState state, ResourceNotifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    @Tool(
            name = "calendar.add",
            title = "Add calendar event",
            description = "Adds an event to a calendar: the workspace's, or this session's. Times are ISO-8601 with an"
                    + " offset, e.g. 2026-11-24T10:00:00+01:00. Answers the saved event and the events it overlaps."
                    + " Adding an event identical to one already there (title, times, notes) answers that one: a"
                    + " retried call adds no copy.",
            destructive = false,
            idempotent = true,
            openWorld = false)
    public Scheduled add(
            @Description("What the event is, e.g. \"Dentist\"") @NotBlank @Size(max = 200) String title,
            @Description("Start, ISO-8601 with offset, e.g. \"2026-11-24T10:00:00+01:00\"") @NotNull
                    OffsetDateTime start,
            @Description("End, ISO-8601 with offset; omit for an open-ended event") OffsetDateTime end,
            @Description("Free-form notes") @Size(max = 2000) String notes,
            @WorkspaceHandle String workspace,
            ToolContext context) {
        if (end != null && !end.isAfter(start)) {
            throw new ToolException("'end' (" + end + ") must be after 'start' (" + start + ")");
        }
        StateScope scope = state.of(workspace, context);
        CalendarEvent event =
                CalendarBook.addOnce(scope, new CalendarEvent(UUID.randomUUID().toString(), title, start, end, notes));
        announce(scope);
        return new Scheduled(event, CalendarBook.overlapping(scope, event));
    }

    @AppView(
            uri = "ui://switchboard/calendar",
            html = "views/calendar.html",
            name = "Calendar view",
            description = "The events of a calendar.list result, each with a button that deletes it")
    @Tool(
            name = "calendar.list",
            title = "List calendar events",
            description = "Lists the events of a calendar (the workspace's, or this session's) in start order,"
                    + " optionally within a time range.",
            readOnly = true,
            idempotent = true,
            openWorld = false)
    public Events list(
            @Description("Only events starting at or after this ISO-8601 time") OffsetDateTime from,
            @Description("Only events starting at or before this ISO-8601 time") OffsetDateTime to,
            @WorkspaceHandle String workspace,
            ToolContext context) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ToolException("'to' (" + to + ") must not be before 'from' (" + from + ")");
        }
        return new Events(CalendarBook.list(state.of(workspace, context), from, to));
    }

    @Tool(
            name = "calendar.update",
            title = "Update calendar event",
            description = "Changes an event of a calendar (the workspace's, or this session's) by id: only the fields"
                    + " given change. Times are ISO-8601 with an offset. Answers the saved event and the events it"
                    + " overlaps.",
            destructive = false,
            idempotent = true,
            openWorld = false)
    public Scheduled update(
            @Description("The event's id, from calendar.add or calendar.list") @NotBlank String id,
            @Description("New title") @Size(min = 1, max = 200) String title,
            @Description("New start, ISO-8601 with offset") OffsetDateTime start,
            @Description("New end, ISO-8601 with offset") OffsetDateTime end,
            @Description("New notes") @Size(max = 2000) String notes,
            @WorkspaceHandle String workspace,
            ToolContext context) {
        StateScope scope = state.of(workspace, context);
        CalendarEvent old = CalendarBook.find(scope, id).orElseThrow(() -> notFound(id));
        CalendarEvent updated = new CalendarEvent(
                old.id(),
                title != null ? title : old.title(),
                start != null ? start : old.start(),
                end != null ? end : old.end(),
                notes != null ? notes : old.notes());
        if (updated.end() != null && !updated.end().isAfter(updated.start())) {
            throw new ToolException("'end' (" + updated.end() + ") must be after 'start' (" + updated.start() + ")");
        }
        if (!CalendarBook.replace(scope, old, updated)) {
            throw new ToolException("Event '" + id + "' changed meanwhile; read it again with calendar.list");
        }
        announce(scope);
        return new Scheduled(updated, CalendarBook.overlapping(scope, updated));
    }

    @Tool(
            name = "calendar.delete",
            title = "Delete calendar event",
            description = "Deletes an event of a calendar (the workspace's, or this session's) by id. Answers the"
                    + " deleted event.",
            destructive = true,
            idempotent = false,
            openWorld = false)
    public Deleted delete(
            @Description("The event's id, from calendar.add or calendar.list") @NotBlank String id,
            @WorkspaceHandle String workspace,
            ToolContext context) {
        StateScope scope = state.of(workspace, context);
        CalendarEvent event = CalendarBook.find(scope, id).orElseThrow(() -> notFound(id));
        if (!CalendarBook.remove(scope, event)) {
            throw notFound(id);
        }
        announce(scope);
        return new Deleted(event);
    }

    private static ToolException notFound(String id) {
        return new ToolException("No event with id '" + id + "' in this calendar; calendar.list shows the events");
    }

    /** Tells subscribers and listeners that the calendar changed, under the URIs it is readable at. */
    private void announce(StateScope scope) {
        if (scope.workspace()) {
            CalendarResources.workspaceUris(scope.id()).forEach(notifier::updated);
        } else {
            notifier.updated(scope.id(), List.of(CalendarResources.SESSION, CalendarResources.SESSION_ICS));
        }
    }
}
