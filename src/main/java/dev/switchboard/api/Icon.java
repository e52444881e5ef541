package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** An icon a client may show next to a tool, resource or prompt. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Icon(String src, String mimeType, List<String> sizes) {}
