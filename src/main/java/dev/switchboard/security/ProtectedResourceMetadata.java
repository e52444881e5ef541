package dev.switchboard.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The OAuth 2.0 Protected Resource Metadata document (RFC 9728, section 2) that MCP clients read first. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProtectedResourceMetadata(
        String resource,
        @JsonProperty("authorization_servers") List<String> authorizationServers,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
        @JsonProperty("resource_name") String resourceName) {}
