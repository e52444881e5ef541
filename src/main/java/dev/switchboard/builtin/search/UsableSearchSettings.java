package dev.switchboard.builtin.search;

import dev.switchboard.api.settings.SettingsProblem;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named search provider must have what it needs ({@link ProviderKind#of}): an operator who named one wants it to
 * work, so a half configuration stops start-up, when the configuration loads, with the setting to fix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UsableSearchSettings.Check.class)
public @interface UsableSearchSettings {

    String message() default "search settings are incomplete";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<UsableSearchSettings, SearchConfig> {

        @Override
        public boolean isValid(SearchConfig search, ConstraintValidatorContext context) {
            try {
                ProviderKind.of(search);
                return true;
            } catch (IllegalStateException e) {
                return SettingsProblem.report(context, e.getMessage());
            }
        }
    }
}
