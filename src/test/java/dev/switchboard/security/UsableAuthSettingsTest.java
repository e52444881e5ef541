package dev.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsableAuthSettingsTest {

    @Test
    void authorizationOffNeedsNothing() {
        assertEquals(Optional.empty(), problem(false, null, null));
    }

    @Test
    void missingSettingsAreNamedAsEnvironmentVariables() {
        assertTrue(problem(true, null, null)
                .orElseThrow()
                .contains("SWITCHBOARD_AUTH_ISSUER and" + " SWITCHBOARD_AUTH_RESOURCE are not set"));
        assertTrue(problem(true, "https://login.example.com", null)
                .orElseThrow()
                .contains("SWITCHBOARD_AUTH_RESOURCE is not set"));
        assertTrue(problem(true, null, "https://mcp.example.com/mcp")
                .orElseThrow()
                .contains("SWITCHBOARD_AUTH_ISSUER is not set"));
        assertTrue(problem(true, null, null).orElseThrow().contains("SWITCHBOARD_AUTH_ENABLED=false"));
    }

    @Test
    void theResourceIsAnAbsoluteHttpUriWithoutFragment() {
        String issuer = "https://login.example.com/realms/mcp";
        assertEquals(Optional.empty(), problem(true, issuer, "https://mcp.example.com/mcp"));
        assertEquals(Optional.empty(), problem(true, issuer, "http://localhost:8080/mcp"));
        for (String bad :
                new String[] {"mcp.example.com/mcp", "https://mcp.example.com/mcp#x", "not a uri", "ftp://x/y"}) {
            String message = problem(true, issuer, bad).orElseThrow();
            assertTrue(message.startsWith("SWITCHBOARD_AUTH_RESOURCE") && message.endsWith("'" + bad + "'"), message);
        }
    }

    @Test
    void theIssuerIsAnAbsoluteHttpUrl() {
        String message = problem(true, "login.example.com", "https://mcp.example.com/mcp")
                .orElseThrow();
        assertTrue(message.startsWith("SWITCHBOARD_AUTH_ISSUER"), message);
    }

    private static Optional<String> problem(boolean enabled, String issuer, String resource) {
        return UsableAuthSettings.problem(new AuthConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> resource() {
                return Optional.ofNullable(resource);
            }

            @Override
            public Optional<String> issuer() {
                return Optional.ofNullable(issuer);
            }

            @Override
            public Set<String> scopes() {
                return Set.of("mcp");
            }

            @Override
            public String resourceName() {
                return "test";
            }
        });
    }
}
