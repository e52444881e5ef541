package dev.switchboard.build;

/** A mistake in a tool declaration: the build stops with this message, which names the class and what to change. */
final class BuildProblem extends IllegalStateException {

    BuildProblem(String message) {
        super(message);
    }
}
