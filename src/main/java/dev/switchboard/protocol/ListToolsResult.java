package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of {@code tools/list}; {@code nextCursor} is absent on the last page.
 *
 * @param tools the tools' descriptors ({@code ToolDescriptor}) as JSON serialised at start-up, copied as they are
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListToolsResult(List<RawValue> tools, String nextCursor) {}
