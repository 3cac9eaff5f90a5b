package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.InstantParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The {@code asOf} query parameter of the audit reads: one parser, so every audit endpoint takes the same instants. */
final class AsOf {
    private AsOf() {}

    /**
     * The instant {@code value} names: ISO-8601 with {@code Z} or an offset ({@code 2026-11-30T14:00:00+02:00}), of the
     * years 1 to 9999, not in the future; an
     * offset's {@code +} sent unencoded in a query string arrives as a space and is read as {@code +}. {@code whenAbsent}
     * when the value is missing or blank (null: the parameter is required); else a {@code validation_failed} 400.
     */
    static Instant parse(String value, Instant whenAbsent) {
        if ((value == null || value.isBlank()) && whenAbsent != null) return whenAbsent;
        Instant at;
        try {
            // as the order lists' from and to are read: no leap second, and the years 1 to 9999 (asOf took
            // +999999999 and 23:59:60 before 2026-12-07; walkthrough Z18)
            at = OffsetDateTime.parse(value == null ? "" : value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw DomainException.badInput("asOf must be an ISO-8601 instant, such as 2026-11-30T12:00:00Z");
        }
        if (!InstantParam.storable(at)) throw DomainException.badInput("asOf " + InstantParam.STORABLE_RANGE);
        // an instant to come has no state yet: answered with today's, labelled with that instant, the same request gave
        // other answers as time passed (before 2026-12-07, fifth session; walkthrough Z20)
        Instant now = Instant.now();
        if (at.isAfter(now))
            throw DomainException.badInput("asOf " + at + " is in the future (it is " + now.truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS) + ")" + (whenAbsent == null ? ": send an instant past"
                    // where asOf is required, leaving it out is no way to the state of now (walkthrough Z27)
                    : ": leave it out for the state of now"));
        return at;
    }
}
