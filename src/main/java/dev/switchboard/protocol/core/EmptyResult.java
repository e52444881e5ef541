package dev.switchboard.protocol.core;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The empty object {@code {}} that answers {@code ping} and other acknowledgements. */
@RegisterForReflection
public record EmptyResult() {

    public static final EmptyResult INSTANCE = new EmptyResult();
}
