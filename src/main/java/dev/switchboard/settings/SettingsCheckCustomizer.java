package dev.switchboard.settings;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Installs {@link CheckedSettingsValidator} in every configuration Quarkus builds (static init and run time). Quarkus
 * finds it through {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer} at build time, so the
 * native image needs no reflection. It runs last, so the validator it wraps is whichever the others installed.
 */
public final class SettingsCheckCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(new CheckedSettingsValidator(builder.getValidator()));
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }
}
