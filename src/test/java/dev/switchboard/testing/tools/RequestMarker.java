package dev.switchboard.testing.tools;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** A request-scoped bean: one id per HTTP request, and unusable where no request context is active. */
@RequestScoped
public class RequestMarker {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
