package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.protocol.core.ServerCapabilities;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to {@code initialize}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"protocolVersion", "capabilities", "serverInfo", "instructions"})
public record InitializeResult(
        String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo, String instructions) {}
