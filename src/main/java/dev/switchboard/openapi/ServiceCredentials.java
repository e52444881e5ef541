package dev.switchboard.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The secrets configured for a service's security schemes, applied to exactly the operations whose security asks for
 * them: the first of an operation's alternatives whose every scheme has a secret. apiKey in a header, query or cookie;
 * http bearer or basic ({@code user:password}); OAuth 2 and OpenID Connect as a bearer token.
 */
final class ServiceCredentials {

    private final Map<String, Operation.Scheme> schemes;
    private final Map<String, String> secrets;

    ServiceCredentials(Map<String, Operation.Scheme> schemes, Map<String, String> secrets) {
        this.schemes = Map.copyOf(schemes);
        this.secrets = Map.copyOf(secrets);
    }

    void apply(List<List<String>> alternatives, OperationCall.RequestParts parts) {
        for (List<String> alternative : alternatives) {
            if (alternative.stream().allMatch(name -> secrets.containsKey(name) && schemes.containsKey(name))) {
                alternative.forEach(name -> apply(schemes.get(name), secrets.get(name), parts));
                return;
            }
        }
        // none can be met: the request goes without, and the service says what it wants
    }

    private static void apply(Operation.Scheme scheme, String secret, OperationCall.RequestParts parts) {
        switch (scheme.type()) {
            case "apiKey" -> {
                switch (scheme.in()) {
                    case "query" -> ParameterStyles.add(parts.query, scheme.name(), secret);
                    case "cookie" -> parts.cookies.add(scheme.name() + "=" + secret);
                    default -> parts.headers.put(scheme.name(), secret);
                }
            }
            case "http" ->
                parts.headers.put(
                        "Authorization",
                        "basic".equalsIgnoreCase(scheme.scheme())
                                ? "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))
                                : "Bearer " + secret);
            default -> parts.headers.put("Authorization", "Bearer " + secret); // oauth2, openIdConnect
        }
    }
}
