package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.tool.registry.ToolDescriptor;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of {@code tools/list}; {@code nextCursor} is absent on the last page. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListToolsResult(List<ToolDescriptor> tools, String nextCursor) {}
