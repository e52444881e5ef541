package dev.switchboard.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One view (MCP Apps) as the build describes it in {@code META-INF/switchboard/views.json}, from the {@code @AppView}
 * that gives its HTML.
 *
 * @param uri the view's {@code ui://} resource URI
 * @param html where its HTML is on the class path
 * @param name its name in resource lists
 * @param description what it shows, or null
 * @param ui the resource's {@code _meta.ui}: {@code csp}, {@code permissions}, {@code prefersBorder}
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeneratedView(String uri, String html, String name, String description, ObjectNode ui) {

    /** The index inside the jar; one per class-path root (application classes, test classes). */
    public static final String LOCATION = "META-INF/switchboard/views.json";
}
