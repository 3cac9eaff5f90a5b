package dev.stoa.api.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A time given in a query parameter: an ISO-8601 instant (with {@code Z} or an offset; a {@code +} sent unencoded, which
 * arrives as a space, is read as the {@code +} it was), or a date: as the start of a range its start, as the
 * (exclusive) end of a range the start of the next day, so that {@code from=2026-12-05&to=2026-12-05} is that whole
 * day (UTC). Until 2026-12-05 such a {@code to} meant the day's start, and the range was empty.
 */
public final class InstantParam {
    private InstantParam() {}

    /**
     * The instant {@code value} names as the start of a range, null when it is absent or blank.
     *
     * @throws DomainException a 400 naming the parameter when it is neither an instant nor a date
     */
    public static Instant parse(String value, String name) { return parse(value, name, false); }

    /** The instant {@code value} names as the exclusive end of a range: a date ends with its day. */
    public static Instant parseEnd(String value, String name) { return parse(value, name, true); }

    /**
     * {@code [from, to)} from the two parameters (either may be absent), {@code to} as an end: 400 when {@code from} comes
     * after {@code to}, or when {@code to} is a date and {@code from} is not before its day's end.
     */
    public static Instant[] range(String from, String to) {
        Instant since = parse(from, "from"), until = parseEnd(to, "to");
        if (since != null && until != null) {
            boolean toIsDate = !until.equals(parse(to, "to"));
            if (toIsDate ? !since.isBefore(until) : since.isAfter(until))
                throw DomainException.badInput("from must not be after to");
        }
        return new Instant[] {since, until};
    }

    private static Instant parse(String value, String name, boolean end) {
        if (value == null || value.isBlank()) return null;
        Instant instant;
        try {
            String text = value.trim().replace(' ', '+');
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                // the last day's end is the last instant taken (a day after it, PostgreSQL's timestamps refuse)
                instant = end && day.getYear() == 9999 && day.getDayOfYear() == day.lengthOfYear() ? LAST
                        : day.plusDays(end ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (java.time.DateTimeException e) {
            throw DomainException.badInput(name + " must be an ISO-8601 instant (2026-11-30T12:00:00Z) or date (2026-11-30)");
        }
        // ISO-8601 takes years far outside what a database stores (PostgreSQL's timestamps refuse them)
        if (!storable(instant))
            throw DomainException.badInput(name + " " + STORABLE_RANGE);
        return instant;
    }

    /**
     * Whether an instant lies within the years 1 to 9999, which every store and index of the platform takes: ISO-8601
     * (and Java) take years up to a billion, which PostgreSQL's timestamps refuse past 294276 and a read model's
     * milliseconds overflow.
     */
    public static boolean storable(Instant instant) { return !instant.isBefore(FIRST) && !instant.isAfter(LAST); }

    /** What {@link #storable} says, for a message. */
    public static final String STORABLE_RANGE = "must lie between the years 1 and 9999";

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");
}
