package dev.switchboard.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What the server remembers about one MCP session between requests. Client info and capabilities are kept as the
 * JSON the client sent, so this package needs no protocol types.
 *
 * @param owner the principal that opened it ({@code Principal.id()}); only that principal can use it
 * @param logLevel the minimum level of log notifications the client asked for, or null for the default
 */
public record Session(
        String id,
        String owner,
        String protocolVersion,
        ObjectNode clientInfo,
        ObjectNode clientCapabilities,
        String logLevel,
        Instant createdAt,
        Instant lastSeenAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public Session seenAt(Instant when) {
        return new Session(id, owner, protocolVersion, clientInfo, clientCapabilities, logLevel, createdAt, when);
    }
}
