package dev.switchboard.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The console's address without its trailing slash: {@code GET /console} redirects to {@code /console/}, where the
 * static resources ({@code META-INF/resources/console/}) serve {@code index.html}. The page's own links are absolute,
 * so it would work at either address; the redirect keeps one canonical one.
 */
@Singleton
class ConsolePage {

    void install(@Observes Router router) {
        // Vert.x matches "/console/" to a "/console" route too: only the bare address is redirected.
        router.get("/console").handler(context -> {
            if (context.request().path().equals("/console")) {
                context.redirect("/console/");
            } else {
                context.next();
            }
        });
    }
}
