package dev.switchboard.builtin.calendar;

import dev.switchboard.api.ResourceNotifier;
import java.util.List;

/** Tells subscribers and listeners that a calendar changed, under the URIs it is readable at. */
final class CalendarChanges {

    private CalendarChanges() {}

    /** @param workspace true when {@code scope} is a workspace handle, false for a session */
    static void announce(ResourceNotifier notifier, String scope, boolean workspace) {
        if (workspace) {
            notifier.updated(WorkspaceCalendarResource.uri(scope));
            notifier.updated(WorkspaceCalendarResource.icsUri(scope));
        } else {
            notifier.updated(scope, List.of(CalendarResource.URI, CalendarIcsResource.URI));
        }
    }
}
