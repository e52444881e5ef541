package dev.switchboard.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Mints access tokens signed with the test authorization server's key (or, for forgeries, with another one). */
public final class Tokens {

    private static final String KEY_ID = "test-key";

    private final String issuer;
    private final String audience;
    private final KeyPair keys = rsa();
    private final KeyPair strangerKeys = rsa();

    Tokens(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid token for {@code subject} granting {@code scope} (space-separated). */
    public String valid(String subject, String scope) {
        return sign(claims(subject, scope), keys.getPrivate());
    }

    public String expired(String subject, String scope) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(subject, scope).issuedAt(past).expiresAt(past.plusSeconds(60)), keys.getPrivate());
    }

    public String forAudience(String subject, String scope, String otherAudience) {
        return sign(claims(subject, scope).audience(otherAudience), keys.getPrivate());
    }

    public String fromIssuer(String subject, String scope, String otherIssuer) {
        return sign(claims(subject, scope).issuer(otherIssuer), keys.getPrivate());
    }

    /** Right claims, wrong key: a forgery. */
    public String forged(String subject, String scope) {
        return sign(claims(subject, scope), strangerKeys.getPrivate());
    }

    /** The JWKS document the authorization server publishes. */
    public String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
    }

    private JwtClaimsBuilder claims(String subject, String scope) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer)
                .subject(subject)
                .audience(audience)
                .claim("scope", scope)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)));
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).sign(key);
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] trimmed = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
