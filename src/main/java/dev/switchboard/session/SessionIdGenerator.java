package dev.switchboard.session;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Mints session ids: 192 bits from {@link SecureRandom}, Base64url-encoded into 32 visible ASCII characters, so ids
 * cannot be guessed and are safe in headers and Redis keys.
 */
@Singleton
public class SessionIdGenerator {

    private static final int RANDOM_BYTES = 24;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
