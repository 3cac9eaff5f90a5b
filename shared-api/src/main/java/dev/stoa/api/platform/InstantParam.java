package dev.stoa.api.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time given in a query parameter: an ISO-8601 instant, or a date meaning its start (UTC). */
public final class InstantParam {
    private InstantParam() {}

    /**
     * The instant {@code value} names, null when it is absent or blank.
     *
     * @throws DomainException a 400 naming the parameter when it is neither an instant nor a date
     */
    public static Instant parse(String value, String name) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.badInput(name + " must be an ISO-8601 instant (2026-11-30T12:00:00Z) or date (2026-11-30)");
        }
    }
}
