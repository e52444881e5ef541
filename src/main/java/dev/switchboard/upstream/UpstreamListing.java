package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What an upstream lists, as it listed it: kept in Redis as the last known list (see {@link LastKnownListings}). */
@RegisterForReflection
record UpstreamListing(
        List<JsonNode> tools, List<JsonNode> resources, List<JsonNode> resourceTemplates, List<JsonNode> prompts) {

    UpstreamListing {
        tools = tools == null ? List.of() : List.copyOf(tools);
        resources = resources == null ? List.of() : List.copyOf(resources);
        resourceTemplates = resourceTemplates == null ? List.of() : List.copyOf(resourceTemplates);
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
    }
}
