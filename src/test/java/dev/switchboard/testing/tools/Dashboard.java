package dev.switchboard.testing.tools;

import dev.switchboard.api.AppView;
import dev.switchboard.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** A tool with a view that asks for more than the defaults, and a tool for that view alone (MCP Apps). */
@ApplicationScoped
public class Dashboard {

    @AppView(
            uri = "ui://test/dashboard",
            html = "views/test-dashboard.html",
            prefersBorder = false,
            connectDomains = "https://api.example.com",
            resourceDomains = {"https://cdn.example.com", "https://*.example.org"},
            permissions = AppView.Permission.CLIPBOARD_WRITE)
    @Tool(description = "Shows the dashboard.", readOnly = true, openWorld = false)
    public String dashboard() {
        return "All systems nominal.";
    }

    @AppView(uri = "ui://test/dashboard", visibility = AppView.Visibility.APP)
    @Tool(description = "Refreshes the dashboard; its view's button calls it.", readOnly = true, openWorld = false)
    public String refreshDashboard() {
        return "Refreshed.";
    }
}
