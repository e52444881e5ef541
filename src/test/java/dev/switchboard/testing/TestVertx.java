package dev.switchboard.testing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Vert.x of a test class's own, for code that must run on an event loop:
 * {@code @RegisterExtension static final TestVertx VERTX = new TestVertx();}
 */
public final class TestVertx implements BeforeAllCallback, AfterAllCallback {

    private Vertx vertx;

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A new event-loop context (one event loop thread). */
    public Context context() {
        return vertx.getOrCreateContext();
    }

    /** Runs {@code action} on {@code context}'s event loop. */
    public static <T> CompletableFuture<T> on(Context context, Supplier<T> action) {
        return CompletableFuture.supplyAsync(action, command -> context.runOnContext(ignored -> command.run()));
    }
}
