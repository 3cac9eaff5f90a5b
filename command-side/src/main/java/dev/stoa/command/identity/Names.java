package dev.stoa.command.identity;

/**
 * What a person's name must have: a character one can see (a letter, digit, punctuation or symbol; not one of the
 * blank "letters" U+115F, U+1160, U+3164, U+FFA0 or the blank braille pattern U+2800). Blanks, zero-width characters
 * and the like alone were taken as a name before 2026-12-06 (ninth session; found by a walkthrough). Characters such
 * as a zero-width joiner inside a name stay: some scripts need them. The same rule as every {@code @NotBlank}'s
 * ({@link dev.stoa.command.platform.web.VisibleText}), for names that reach the account by other paths too.
 */
final class Names {
    private Names() {}

    private static final String MESSAGE = "must have a visible character";

    /**
     * Refuses a given name without a visible character (400 naming {@code field}); null is left to the caller. A check
     * in code, not a {@code @Pattern}: the document's patterns are ECMAScript's, which has no class intersection.
     */
    static void requireVisible(String value, String field) {
        if (value != null && !dev.stoa.command.platform.web.VisibleText.has(value))
            throw dev.stoa.api.platform.DomainException.badInput(field + " " + MESSAGE); // errors[0].field: its first word
    }
}
