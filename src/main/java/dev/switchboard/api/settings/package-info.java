/**
 * Helpers for a tool's own settings: a tool with a {@code @ConfigMapping} (as {@code search} has) checks it with a
 * class-level Bean Validation constraint while Quarkus loads the configuration, and reports what to set in one line.
 */
package dev.switchboard.api.settings;
