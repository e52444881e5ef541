package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Name and version of an MCP implementation ({@code serverInfo}). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Implementation(String name, String title, String version) {}
