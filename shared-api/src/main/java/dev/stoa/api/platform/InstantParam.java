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
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.badInput(name + " must be an ISO-8601 instant (2026-11-30T12:00:00Z) or date (2026-11-30)");
        }
        // ISO-8601 takes years far outside what a database stores (PostgreSQL's timestamps refuse them)
        if (instant.isBefore(FIRST) || instant.isAfter(LAST))
            throw DomainException.badInput(name + " must lie between the years 1 and 9999");
        return instant;
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");
}
