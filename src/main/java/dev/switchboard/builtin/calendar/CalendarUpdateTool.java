package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceNotifier;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.api.ToolException;
import dev.switchboard.builtin.workspace.Workspaces;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Changes an event; the fields left out keep their values. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("calendar")
@ToolDefinition(
        name = "calendar.update",
        title = "Update calendar event",
        description = "Changes an event of a calendar (the workspace's, or this session's) by id: only the fields"
                + " given change. Times are ISO-8601 with an offset. Answers the saved event and the events it"
                + " overlaps.",
        destructive = false,
        idempotent = true,
        openWorld = false)
public class CalendarUpdateTool implements McpTool<CalendarUpdateTool.Args, Scheduled> {

    public record Args(
            @Description("The event's id, from calendar.add or calendar.list") @NotBlank
            String id,

            @Description("New title") @Size(min = 1, max = 200)
            String title,

            @Description("New start, ISO-8601 with offset")
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime start,

            @Description("New end, ISO-8601 with offset")
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime end,

            @Description("New notes") @Size(max = 2000) String notes,

            @Description("A handle from workspace.open; omit it within a session to use the session's calendar")
            @McpHeader("Workspace")
            String workspace) {}

    private final CalendarBook book;
    private final ResourceNotifier notifier;
    private final Workspaces workspaces;

    CalendarUpdateTool(CalendarBook book, ResourceNotifier notifier, Workspaces workspaces) {
        this.book = book;
        this.notifier = notifier;
        this.workspaces = workspaces;
    }

    @Override
    public Scheduled call(Args args, ToolContext context) {
        String scope = workspaces.scope(args.workspace(), context);
        CalendarEvent old = book.find(scope, args.id()).orElseThrow(() -> notFound(args.id()));
        CalendarEvent updated = new CalendarEvent(
                old.id(),
                args.title() != null ? args.title() : old.title(),
                args.start() != null ? args.start() : old.start(),
                args.end() != null ? args.end() : old.end(),
                args.notes() != null ? args.notes() : old.notes());
        if (updated.end() != null && !updated.end().isAfter(updated.start())) {
            throw new ToolException("'end' (" + updated.end() + ") must be after 'start' (" + updated.start() + ")");
        }
        if (!book.replace(scope, old, updated)) {
            throw new ToolException("Event '" + args.id() + "' changed meanwhile; read it again with calendar.list");
        }
        CalendarChanges.announce(notifier, scope, args.workspace() != null);
        return new Scheduled(updated, book.overlapping(scope, updated));
    }

    static ToolException notFound(String id) {
        return new ToolException("No event with id '" + id + "' in this calendar; calendar.list shows the events");
    }
}
