package dev.switchboard.stream;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/** This process's name among the replicas: random per start, so a restarted replica is a new one. */
@Singleton
public class ReplicaIdentity {

    private final String id;

    public ReplicaIdentity() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String id() {
        return id;
    }
}
