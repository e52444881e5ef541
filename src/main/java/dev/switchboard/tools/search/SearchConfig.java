package dev.switchboard.tools.search;

import java.util.Optional;

/** Settings of the {@code search} tool, under {@code switchboard.search}. */
public interface SearchConfig {

    /** Which provider answers searches: {@code searxng} or {@code brave}; unset, the tool says how to configure one. */
    Optional<String> provider();
}
