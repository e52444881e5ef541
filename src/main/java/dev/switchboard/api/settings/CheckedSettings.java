package dev.switchboard.api.settings;

/**
 * Settings that check themselves while Quarkus loads the configuration. A {@code @ConfigMapping} interface extends it
 * and overrides {@link #check} with a default method; any problem stops start-up before an extension starts, and
 * Quarkus prints each one on a line of its own, without a stack trace, so the operator reads what to set.
 *
 * <p>Bean Validation constraints on a configuration interface are checked too, but they make Quarkus build a
 * validator over every configuration class of the application at each start (1.3 s on one CPU on JDK 17); this
 * check costs a method call.
 */
public interface CheckedSettings {

    /**
     * Reports to {@code problems} what is wrong with these settings; nothing when they can work. Default (and a no-op)
     * here only because a configuration interface may declare no abstract method with parameters.
     */
    default void check(SettingsProblems problems) {}
}
