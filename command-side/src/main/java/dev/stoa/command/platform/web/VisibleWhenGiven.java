package dev.stoa.command.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional text that, when given (not null, not empty), has a character one can see ({@link VisibleText}): a brand
 * of zero-width characters alone made a facet nobody could read, and such a tracking number counted as given, so a
 * physical line shipped without one (before 2026-12-07; found by a walkthrough). Null and empty stay "none".
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VisibleWhenGiven.Validator.class)
public @interface VisibleWhenGiven {
    String message() default "must have a visible character, or be left out";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null, empty, or a text with a visible character. */
    final class Validator implements ConstraintValidator<VisibleWhenGiven, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || VisibleText.has(value);
        }
    }
}
