package dev.switchboard.protocol.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The MCP revisions Switchboard serves, oldest first, each in its {@link Era}. */
public enum ProtocolVersion {
    V2024_11_05("2024-11-05", Era.SESSION),
    V2025_03_26("2025-03-26", Era.SESSION),
    V2025_06_18("2025-06-18", Era.SESSION),
    V2025_11_25("2025-11-25", Era.SESSION),
    V2026_07_28("2026-07-28", Era.STATELESS);

    /** Offered by {@code initialize} when a client asks for a revision we do not speak. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    /** Assumed when a request after {@code initialize} carries no {@code MCP-Protocol-Version} header. */
    public static final ProtocolVersion WITHOUT_HEADER = V2025_03_26;

    private final String wire;
    private final Era era;

    ProtocolVersion(String wire, Era era) {
        this.wire = wire;
        this.era = era;
    }

    public String wire() {
        return wire;
    }

    public Era era() {
        return era;
    }

    public static Optional<ProtocolVersion> of(String wire) {
        for (ProtocolVersion version : values()) {
            if (version.wire.equals(wire)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * Echoes the client's session-era revision when we speak it, else offers the latest (MCP version negotiation by
     * {@code initialize}, which 2026-07-28 does not have).
     */
    public static ProtocolVersion negotiate(String requested) {
        return of(requested).filter(version -> version.era == Era.SESSION).orElse(LATEST);
    }

    /** JSON-RPC batches exist only in 2025-03-26: added there, removed in 2025-06-18. */
    /** Whether the revision has tasks: the 2025-11-25 {@code tasks} capability or the 2026-07-28 extension. */
    public boolean hasTasks() {
        return this == V2025_11_25 || this == V2026_07_28;
    }

    public boolean allowsBatches() {
        return this == V2025_03_26;
    }

    /** The revisions of {@code era}, oldest first. */
    public static List<String> supported(Era era) {
        return Arrays.stream(values())
                .filter(version -> version.era == era)
                .map(ProtocolVersion::wire)
                .toList();
    }
}
