package dev.switchboard.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.Icon;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A resource as {@code resources/list} shows it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceDescriptor(
        String uri, String name, String title, String description, String mimeType, List<Icon> icons) {}
