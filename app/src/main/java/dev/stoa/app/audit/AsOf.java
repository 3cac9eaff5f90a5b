package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter of the audit reads: one parser, so every audit endpoint takes the same instants. */
final class AsOf {
    private AsOf() {}

    /**
     * The instant {@code value} names: ISO-8601 with {@code Z} or an offset ({@code 2026-11-30T14:00:00+02:00}); an
     * offset's {@code +} sent unencoded in a query string arrives as a space and is read as {@code +}. {@code whenAbsent}
     * when the value is missing or blank (null: the parameter is required); else a {@code validation_failed} 400.
     */
    static Instant parse(String value, Instant whenAbsent) {
        if ((value == null || value.isBlank()) && whenAbsent != null) return whenAbsent;
        try {
            return Instant.parse(value == null ? "" : value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw DomainException.badInput("asOf must be an ISO-8601 instant, such as 2026-11-30T12:00:00Z");
        }
    }
}
