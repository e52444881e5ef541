package dev.switchboard.fuzz;

import dev.switchboard.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Authorization} headers for the server with authorization on, each with what the server must make of it:
 * absent, empty, other schemes, garbage, valid tokens mangled, {@code alg: none} and HMAC-with-the-public-key
 * forgeries, tokens signed with another key, expired, for another audience or issuer, valid with random scopes, huge,
 * and repeated headers.
 */
final class Credentials {

    /** What the server must answer a credential with. */
    enum Verdict {
        /** 401 with a challenge, whatever its error. */
        REFUSED,
        /** 401 with {@code error="invalid_token"}. */
        INVALID,
        /** 403 with {@code error="insufficient_scope"}. */
        FORBIDDEN,
        /** Normal MCP behaviour. */
        ADMITTED,
        /** 401, or normal MCP behaviour: a spelling the RFCs allow a server to accept. */
        REFUSED_OR_ADMITTED,
        /** 400, 401 or normal MCP behaviour: repeated headers, which HTTP does not define for this field. */
        ANY
    }

    /** The header values to send (none, one or several) and the answer they deserve. */
    record Credential(String kind, List<String> values, Verdict verdict) {}

    static final String SUBJECT = "fuzz";
    private static final List<String> SCOPES = List.of("mcp", "calendar", "memory", "admin", "MCP", "mcp:read", "");

    private final Tokens tokens;
    private final byte[] publicKeyText;

    Credentials(Tokens tokens) {
        this.tokens = tokens;
        this.publicKeyText = tokens.jwks().getBytes(StandardCharsets.UTF_8);
    }

    /** A token that must be admitted. */
    String admitted() {
        return tokens.valid(SUBJECT, "mcp");
    }

    Gen<Credential> all() {
        Gen<String> printable = Gen.strings('!', '~', 80);
        return Gen.frequency(List.of(
                Gen.weighted(1, random -> new Credential("none", List.of(), Verdict.REFUSED)),
                Gen.weighted(
                        1,
                        random ->
                                new Credential("empty", List.of(Gen.of("", " ").next(random)), Verdict.REFUSED)),
                Gen.weighted(2, random -> new Credential("scheme", List.of(otherScheme(random)), Verdict.REFUSED)),
                Gen.weighted(
                        1,
                        random -> new Credential(
                                "scheme-case",
                                List.of(Gen.of("bearer ", "BEARER ", "BeArEr ").next(random) + admitted()),
                                Verdict.REFUSED_OR_ADMITTED)),
                Gen.weighted(
                        1,
                        random -> new Credential(
                                "spacing",
                                List.of("Bearer" + " ".repeat(2 + random.nextInt(3)) + admitted()),
                                Verdict.REFUSED_OR_ADMITTED)),
                Gen.weighted(
                        2,
                        random -> new Credential(
                                "garbage",
                                List.of("Bearer "
                                        + Gen.oneOf(printable, Credentials::jwtShaped)
                                                .next(random)),
                                Verdict.REFUSED)),
                Gen.weighted(
                        3,
                        random -> new Credential(
                                "mangled", List.of("Bearer " + mangle(admitted(), random)), Verdict.REFUSED)),
                Gen.weighted(
                        2, random -> new Credential("alg-none", List.of("Bearer " + algNone(random)), Verdict.INVALID)),
                Gen.weighted(
                        1,
                        random -> new Credential(
                                "hmac-public-key", List.of("Bearer " + hmacWithPublicKey()), Verdict.INVALID)),
                Gen.weighted(
                        2,
                        random -> new Credential(
                                "forged", List.of("Bearer " + tokens.forged(SUBJECT, "mcp")), Verdict.INVALID)),
                Gen.weighted(
                        2,
                        random -> new Credential(
                                "expired", List.of("Bearer " + tokens.expired(SUBJECT, "mcp")), Verdict.INVALID)),
                Gen.weighted(
                        2,
                        random -> new Credential(
                                "audience",
                                List.of("Bearer "
                                        + tokens.forAudience(
                                                SUBJECT,
                                                "mcp",
                                                Gen.of(
                                                                "https://mcp.example.test/mcp/",
                                                                "https://mcp.example.test",
                                                                "https://mcp.example.test/mcp2",
                                                                "https://other.example/mcp",
                                                                "mcp")
                                                        .next(random))),
                                Verdict.INVALID)),
                Gen.weighted(
                        2,
                        random -> new Credential(
                                "issuer",
                                List.of("Bearer "
                                        + tokens.fromIssuer(
                                                SUBJECT,
                                                "mcp",
                                                Gen.of(
                                                                tokens.issuer() + "/",
                                                                tokens.issuer() + "2",
                                                                "https://evil.example/realms/test",
                                                                tokens.issuer().toUpperCase(java.util.Locale.ROOT))
                                                        .next(random))),
                                Verdict.INVALID)),
                Gen.weighted(8, this::scoped),
                Gen.weighted(1, random -> new Credential("huge", List.of("Bearer " + huge(random)), Verdict.REFUSED)),
                Gen.weighted(2, this::repeated)));
    }

    /** A valid token with random scopes: admitted with {@code mcp}, else forbidden. */
    private Credential scoped(Random random) {
        TreeSet<String> scopes = new TreeSet<>(Gen.of(SCOPES).list(0, 4).next(random));
        if (random.nextInt(3) > 0) {
            scopes.add("mcp"); // mostly admitted: their answers get the same checks as the rest of the fuzzing
        }
        scopes.remove("");
        String scope = String.join(" ", scopes);
        return new Credential(
                "scope[" + scope + "]",
                List.of("Bearer " + tokens.valid(SUBJECT, scope)),
                scopes.contains("mcp") ? Verdict.ADMITTED : Verdict.FORBIDDEN);
    }

    private Credential repeated(Random random) {
        List<String> values = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            values.add(
                    Gen.of("Bearer " + admitted(), "Bearer " + tokens.expired(SUBJECT, "mcp"), "Bearer x", "Basic eDp5")
                            .next(random));
        }
        return new Credential("repeated", values, Verdict.ANY);
    }

    private String otherScheme(Random random) {
        return Gen.of(
                        "Basic " + Base64.getEncoder().encodeToString("fuzz:secret".getBytes(StandardCharsets.UTF_8)),
                        "Basic",
                        "Digest username=\"fuzz\", realm=\"mcp\"",
                        "Token " + admitted(),
                        "Bearertoken",
                        "Bearer",
                        "Bearer ,",
                        "DPoP " + admitted(),
                        "Bearer: " + admitted(),
                        admitted())
                .next(random);
    }

    /** Three base64url segments of random bytes, or dots alone. */
    private static String jwtShaped(Random random) {
        if (random.nextInt(4) == 0) {
            return Gen.of(".", "..", "...", "a.b.c", "a..c", "eyJ.eyJ.").next(random);
        }
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Gen<byte[]> bytes = Gen.bytes(64);
        return url.encodeToString(bytes.next(random)) + "." + url.encodeToString(bytes.next(random)) + "."
                + url.encodeToString(bytes.next(random));
    }

    /**
     * A valid token made invalid: cut, a character changed, a segment dropped or added, padding or spaces put in. A
     * segment's last character is never changed: it may carry bits a lenient base64 decoder ignores.
     */
    private static String mangle(String token, Random random) {
        String[] parts = token.split("\\.");
        return switch (random.nextInt(7)) {
            case 0 -> token.substring(0, random.nextInt(token.length() - 1));
            case 1 -> {
                int segment = random.nextInt(3);
                char[] chars = parts[segment].toCharArray();
                int at = random.nextInt(chars.length - 1);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                parts[segment] = new String(chars);
                yield String.join(".", parts);
            }
            case 2 -> parts[0] + "." + parts[1];
            case 3 -> token + "." + parts[2];
            case 4 -> parts[0] + "==." + parts[1] + "." + parts[2];
            case 5 -> parts[0] + "." + parts[1] + ".";
            default -> parts[1] + "." + parts[0] + "." + parts[2];
        };
    }

    /** The claims of a valid token under {@code alg: none}, without a signature or with the original one. */
    private String algNone(Random random) {
        String[] parts = admitted().split("\\.");
        String header = Gen.of(
                        "{\"alg\":\"none\",\"typ\":\"JWT\"}",
                        "{\"alg\":\"none\",\"kid\":\"test-key\"}",
                        "{\"alg\":\"None\",\"typ\":\"JWT\",\"kid\":\"test-key\"}",
                        "{\"alg\":\"NONE\"}")
                .next(random);
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + parts[1] + "." + (random.nextBoolean() ? "" : parts[2]);
    }

    /** HS256 keyed with the published public key (the algorithm-confusion forgery). */
    private String hmacWithPublicKey() {
        String[] parts = admitted().split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}".getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyText, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return header + "." + parts[1] + "." + url.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bearer value from 8 KB (under the header limit) to 100 KB (over it). */
    private String huge(Random random) {
        int size = 8_000 + random.nextInt(92_000);
        return random.nextBoolean() ? "a".repeat(size) : admitted() + "A".repeat(size);
    }
}
