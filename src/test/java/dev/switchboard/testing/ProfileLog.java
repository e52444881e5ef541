package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A log file of its own for a test profile, so a test can read what the service logged, from start-up on.
 * The path is kept in a system property because the profile and the test class may be loaded by different class
 * loaders, and a profile's settings may be asked for more than once.
 */
public final class ProfileLog {

    private ProfileLog() {}

    /** The settings that send the service's log to this profile's file, in addition to the console. */
    public static Map<String, String> settings(Class<?> profile) {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.log.file.enabled", "true");
        settings.put("quarkus.log.file.path", path(profile).toString());
        return settings;
    }

    /** Every line the service logged while this profile ran. */
    public static List<String> lines(Class<?> profile) {
        try {
            return Files.readAllLines(path(profile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(Class<?> profile) {
        // not under "switchboard.": the config mapping refuses unknown keys below its prefix
        String property = "profile-test-log." + profile.getName();
        return Path.of(System.getProperties()
                .computeIfAbsent(
                        property,
                        key -> Path.of(
                                        "target",
                                        "profile-logs",
                                        profile.getSimpleName() + "-" + UUID.randomUUID() + ".log")
                                .toAbsolutePath()
                                .toString())
                .toString());
    }
}
