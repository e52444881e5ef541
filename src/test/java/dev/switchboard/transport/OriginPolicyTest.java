package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy defaults = new OriginPolicy(List.of("localhost", "127.0.0.1", "[::1]"));

    @Test
    void allowsLocalOriginsOnAnyPortAndRequestsWithoutOrigin() {
        assertTrue(defaults.allows(null));
        assertTrue(defaults.allows("http://localhost:3000"));
        assertTrue(defaults.allows("https://127.0.0.1"));
        assertTrue(defaults.allows("http://[::1]:8080"));
        assertTrue(defaults.allows("HTTP://LOCALHOST:5173"));
    }

    @Test
    void refusesOtherSitesAndOddSchemes() {
        assertFalse(defaults.allows("https://evil.example"));
        assertFalse(defaults.allows("http://localhost.evil.example"));
        assertFalse(defaults.allows("null"));
        assertFalse(defaults.allows("file://localhost"));
        assertFalse(defaults.allows("not a uri"));
    }

    @Test
    void fullOriginEntriesMatchExactly() {
        OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com"));
        assertTrue(policy.allows("https://app.example.com"));
        assertFalse(policy.allows("http://app.example.com"));
        assertFalse(policy.allows("https://app.example.com:8443"));
    }

    @Test
    void starAllowsEverything() {
        assertTrue(new OriginPolicy(List.of("*")).allows("https://anywhere.example"));
    }
}
