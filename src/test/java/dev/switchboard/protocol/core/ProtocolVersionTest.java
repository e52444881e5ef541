package dev.switchboard.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.protocol.StatelessEraServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"})
    void echoesSupportedRevisions(String requested) {
        assertEquals(requested, ProtocolVersion.negotiate(requested).wire());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01", "2026-07-28", "latest", ""})
    void offersLatestForOthers(String requested) {
        assertEquals("2025-11-25", ProtocolVersion.negotiate(requested).wire());
    }

    @Test
    void onlyTheMarch2025RevisionHasBatches() {
        assertTrue(ProtocolVersion.V2025_03_26.allowsBatches());
        assertFalse(ProtocolVersion.V2024_11_05.allowsBatches());
        assertFalse(ProtocolVersion.V2025_06_18.allowsBatches());
        assertFalse(ProtocolVersion.V2025_11_25.allowsBatches());
    }

    @Test
    void eachEraListsItsOwnRevisions() {
        assertEquals(
                java.util.List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"),
                ProtocolVersion.supported(Era.SESSION));
        assertEquals(java.util.List.of("2026-07-28"), ProtocolVersion.supported(Era.STATELESS));
        assertEquals(
                Era.STATELESS, ProtocolVersion.of("2026-07-28").orElseThrow().era());
        assertEquals("2026-07-28", StatelessEraServer.VERSION);
    }

    @Test
    void missingHeaderMeansMarch2025() {
        assertEquals("2025-03-26", ProtocolVersion.WITHOUT_HEADER.wire());
    }
}
