package dev.switchboard.builtin.search;

import dev.switchboard.api.ToolException;
import java.util.List;

/** Stands in when no provider is configured, so the tool stays listed and every call says how to configure one. */
final class UnconfiguredSearch implements SearchProvider {

    static final String MESSAGE = "Web search is not configured: " + ProviderKind.HOW_TO_CONFIGURE;

    @Override
    public String name() {
        return "none";
    }

    @Override
    public List<SearchHit> search(String query, int limit, boolean safeSearch) {
        throw new ToolException(MESSAGE);
    }
}
