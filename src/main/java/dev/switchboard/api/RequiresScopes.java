package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes a caller's token must grant to see and use a tool, resource, resource template or prompt. Put it on
 * the bean class (every tool it declares) or on a {@link Tool} method. Callers without them do not see the item in lists, and using it
 * answers HTTP 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} naming these scopes, so the client
 * can ask the authorization server for them (step-up authorization). Roles granted by the token count as scopes.
 * Without authorization ({@code switchboard.auth.enabled=false}) it has no effect.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScopes {

    /** Every one of these is needed. */
    String[] value();
}
