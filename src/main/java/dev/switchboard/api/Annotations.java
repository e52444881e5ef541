package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Hints on how a client should use a piece of content or a resource.
 *
 * @param audience who it is for: {@code user}, {@code assistant}, or both
 * @param priority importance from 0 (optional) to 1 (required)
 * @param lastModified ISO-8601 time of the last change, e.g. {@code 2026-11-24T10:00:00Z}
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotations(List<String> audience, Double priority, String lastModified) {}
