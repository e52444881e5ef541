package dev.switchboard.transport;

/** Where an answer on {@code /mcp} stands: JSON or SSE not chosen yet, streaming, or complete. */
enum ExchangeState {
    UNDECIDED,
    STREAMING,
    DONE
}
