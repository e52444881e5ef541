/**
 * A tool's own settings: its {@code @ConfigMapping} interface extends {@link dev.switchboard.api.settings.CheckedSettings}
 * and reports what is wrong to {@link dev.switchboard.api.settings.SettingsProblems} while Quarkus loads the
 * configuration; start-up stops with one line per problem, naming what to set.
 */
package dev.switchboard.api.settings;
