package dev.switchboard.security;

import dev.switchboard.api.Principal;
import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns a verified token's identity into a {@link Principal}. */
final class PrincipalResolver {

    private PrincipalResolver() {}

    static Principal of(SecurityIdentity identity) {
        Set<String> scopes = new HashSet<>(identity.getRoles());
        String issuer = "";
        String subject = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            issuer = token.getIssuer() == null ? "" : token.getIssuer();
            subject = token.getSubject() == null ? subject : token.getSubject();
            addScopes(scopes, token.getClaim("scope"));
            addScopes(scopes, token.getClaim("scp")); // Entra ID and Okta put scopes here
        }
        return new Principal(key(issuer, subject), scopes, true);
    }

    /** A scope claim is a space-separated string (RFC 8693 style) or, at some providers, an array of strings. */
    private static void addScopes(Set<String> scopes, Object claim) {
        if (claim instanceof String text) {
            for (String scope : text.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else if (claim instanceof Iterable<?> values) {
            for (Object value : values) {
                addScopes(scopes, value instanceof jakarta.json.JsonString json ? json.getString() : value);
            }
        }
    }

    /** Issuer and subject, hashed: stable per user, safe in Redis keys and logs, and no personal data at rest. */
    private static String key(String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + '\n' + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
