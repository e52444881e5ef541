package dev.switchboard.task;

import java.security.SecureRandom;
import java.util.Base64;

/** Task ids: 128 random bits (a task id is as good as a bearer token for its owner's task), URL-safe base64. */
public final class TaskIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TaskIds() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
