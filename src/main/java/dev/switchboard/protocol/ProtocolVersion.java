package dev.switchboard.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The session-based MCP revisions Switchboard negotiates, oldest first. */
public enum ProtocolVersion {
    V2024_11_05("2024-11-05"),
    V2025_03_26("2025-03-26"),
    V2025_06_18("2025-06-18"),
    V2025_11_25("2025-11-25");

    /** Offered when a client asks for a revision we do not speak. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    /** Assumed when a request after {@code initialize} carries no {@code MCP-Protocol-Version} header. */
    public static final ProtocolVersion WITHOUT_HEADER = V2025_03_26;

    private final String wire;

    ProtocolVersion(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ProtocolVersion> of(String wire) {
        for (ProtocolVersion version : values()) {
            if (version.wire.equals(wire)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** Echoes the client's revision when we speak it, else offers the latest (MCP version negotiation). */
    public static ProtocolVersion negotiate(String requested) {
        return of(requested).orElse(LATEST);
    }

    /** JSON-RPC batches exist only in 2025-03-26: added there, removed in 2025-06-18. */
    public boolean allowsBatches() {
        return this == V2025_03_26;
    }

    public static List<String> supported() {
        return Arrays.stream(values()).map(ProtocolVersion::wire).toList();
    }
}
