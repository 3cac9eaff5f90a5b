package dev.stoa.command.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import java.util.regex.Pattern;

/**
 * What {@code @NotBlank} means on the platform: a text with a character one can see (a letter, digit, punctuation or
 * symbol; not one of the blank "letters" U+115F, U+1160, U+3164, U+FFA0 or the blank braille pattern U+2800). The
 * standard validator asks only for a character that is not Java whitespace, so zero-width characters alone
 * ({@code "\u200b\u200b"}) were taken as a product's name, a course's title, an address's street and city, a refund's
 * reason (before 2026-12-07; found by a walkthrough: a person's name had the rule since 2026-12-06). Registered in
 * place of the standard validator for every {@code @NotBlank} of the request bodies and parameters (the app's
 * {@code VisibleTextValidation}). Characters such as a zero-width joiner inside a text stay: some scripts need them.
 */
public final class VisibleText implements ConstraintValidator<NotBlank, CharSequence> {
    private static final Pattern VISIBLE =
            Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}&&[^\\u115F\\u1160\\u3164\\uFFA0\\u2800]]");

    /** Whether {@code text} has a character one can see. */
    public static boolean has(CharSequence text) { return text != null && VISIBLE.matcher(text).find(); }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) { return has(value); }
}
