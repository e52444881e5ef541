package dev.switchboard.testing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/** A {@code @ConfigMapping} built from a few properties and its defaults, for tests that build beans by hand. */
public final class ConfigMappings {

    private ConfigMappings() {}

    /** {@code type} with {@code properties} (name, value, name, value...) over its defaults. */
    public static <T> T of(Class<T> type, String... properties) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withMapping(type)
                .withConverter(Duration.class, 200, new DurationConverter()); // Quarkus's "5m" durations
        for (int i = 0; i < properties.length; i += 2) {
            builder.withDefaultValue(properties[i], properties[i + 1]);
        }
        return builder.build().getConfigMapping(type);
    }
}
