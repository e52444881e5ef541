package dev.switchboard.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The argument type of a tool that takes no arguments. */
@RegisterForReflection
public record NoArguments() {}
