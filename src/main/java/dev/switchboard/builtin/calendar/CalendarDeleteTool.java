package dev.switchboard.builtin.calendar;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceNotifier;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.builtin.workspace.Workspaces;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** Deletes an event. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("calendar")
@ToolDefinition(
        name = "calendar.delete",
        title = "Delete calendar event",
        description = "Deletes an event of a calendar (the workspace's, or this session's) by id. Answers the deleted"
                + " event.",
        destructive = true,
        idempotent = false,
        openWorld = false)
public class CalendarDeleteTool implements McpTool<CalendarDeleteTool.Args, CalendarDeleteTool.Deleted> {

    public record Args(
            @Description("The event's id, from calendar.add or calendar.list") @NotBlank
            String id,

            @Description("A handle from workspace.open; omit it within a session to use the session's calendar")
            @McpHeader("Workspace")
            String workspace) {}

    @RegisterForReflection
    public record Deleted(
            @Description("The event that was deleted") CalendarEvent deleted) {}

    private final CalendarBook book;
    private final ResourceNotifier notifier;
    private final Workspaces workspaces;

    CalendarDeleteTool(CalendarBook book, ResourceNotifier notifier, Workspaces workspaces) {
        this.book = book;
        this.notifier = notifier;
        this.workspaces = workspaces;
    }

    @Override
    public Deleted call(Args args, ToolContext context) {
        String scope = workspaces.scope(args.workspace(), context);
        CalendarEvent event = book.find(scope, args.id()).orElseThrow(() -> CalendarUpdateTool.notFound(args.id()));
        if (!book.remove(scope, event)) {
            throw CalendarUpdateTool.notFound(args.id());
        }
        CalendarChanges.announce(notifier, scope, args.workspace() != null);
        return new Deleted(event);
    }
}
