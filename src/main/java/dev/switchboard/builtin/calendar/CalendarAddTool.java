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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Adds an event to the session's calendar. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("calendar")
@ToolDefinition(
        name = "calendar.add",
        title = "Add calendar event",
        description = "Adds an event to a calendar: the workspace's, or this session's. Times are ISO-8601 with an"
                + " offset, e.g. 2026-11-24T10:00:00+01:00. Answers the saved event and the events it overlaps.",
        destructive = false,
        openWorld = false)
public class CalendarAddTool implements McpTool<CalendarAddTool.Args, Scheduled> {

    public record Args(
            @Description("What the event is, e.g. \"Dentist\"") @NotBlank @Size(max = 200)
            String title,

            @Description("Start, ISO-8601 with offset, e.g. \"2026-11-24T10:00:00+01:00\"")
            @NotNull
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime start,

            @Description("End, ISO-8601 with offset; omit for an open-ended event")
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime end,

            @Description("Free-form notes") @Size(max = 2000)
            String notes,

            @Description("A handle from workspace.open; omit it within a session to use the session's calendar")
            @McpHeader("Workspace")
            String workspace) {}

    private final CalendarBook book;
    private final ResourceNotifier notifier;
    private final Workspaces workspaces;

    CalendarAddTool(CalendarBook book, ResourceNotifier notifier, Workspaces workspaces) {
        this.book = book;
        this.notifier = notifier;
        this.workspaces = workspaces;
    }

    @Override
    public Scheduled call(Args args, ToolContext context) {
        if (args.end() != null && !args.end().isAfter(args.start())) {
            throw new ToolException("'end' (" + args.end() + ") must be after 'start' (" + args.start() + ")");
        }
        CalendarEvent event =
                new CalendarEvent(UUID.randomUUID().toString(), args.title(), args.start(), args.end(), args.notes());
        String scope = workspaces.scope(args.workspace(), context);
        book.add(scope, event);
        CalendarChanges.announce(notifier, scope, args.workspace() != null);
        return new Scheduled(event, book.overlapping(scope, event));
    }
}
