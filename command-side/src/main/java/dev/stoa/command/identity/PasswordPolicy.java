package dev.stoa.command.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The strong-password rule: 10 to 128 characters, with at least a letter and a digit (a passphrase of 16
 * or more needs no digit), and not the e-mail address or its name part.
 */
final class PasswordPolicy {
    private PasswordPolicy() {}

    /** @return why the password is too weak, or empty if it is fine */
    static Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < 10) return Optional.of("must be at least 10 characters");
        if (password.length() > 128) return Optional.of("must be at most 128 characters");
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || (!digit && password.length() < 16))
            return Optional.of("must mix letters and digits (or be a passphrase of 16 characters or more)");
        String lower = password.toLowerCase(Locale.ROOT);
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        String name = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if (lower.equals(mail) || (name.length() >= 4 && lower.contains(name)))
            return Optional.of("must not contain your e-mail address");
        return Optional.empty();
    }
}
