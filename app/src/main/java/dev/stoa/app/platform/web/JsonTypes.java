package dev.stoa.app.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a body's field must be, in JSON's words, for a value of the wrong type: "a whole number", "an array", never the
 * Java type Jackson names (a client should not read {@code java.util.ArrayList<java.lang.Integer>} or a class of ours).
 */
final class JsonTypes {
    private JsonTypes() {}

    static String expected(Class<?> type) {
        if (type == null) return "of another type";
        if (type.isEnum())
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        if (type == String.class || type == Character.class || type == char.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == BigInteger.class || type == Byte.class || type == byte.class)
            return "a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class)
            return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == UUID.class) return "a UUID string";
        // the years every store takes (dev.stoa.api.platform.InstantParam.storable; StrictJsonConfiguration)
        if (type == Instant.class) return "an ISO-8601 date-time string of the years 1 to 9999";
        if (type == OffsetDateTime.class) return "an ISO-8601 date-time string";
        if (type == LocalDate.class) return "an ISO-8601 date string (YYYY-MM-DD)";
        if (type == byte[].class || type == char[].class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (writtenAsString(type)) return "a string"; // an id (lessonId, productId): before 2026-12-06 "an object"
        return "an object"; // a Map, a record, any other type read from an object
    }

    /** A record written as its one string component ({@code @JsonValue String value}): the platform's ids. */
    private static boolean writtenAsString(Class<?> type) {
        if (!type.isRecord() || type.getRecordComponents().length != 1) return false;
        RecordComponent only = type.getRecordComponents()[0];
        return only.getType() == String.class && only.getAccessor().isAnnotationPresent(JsonValue.class);
    }

    /** The whole numbers a field of this type holds, for a value beyond them. */
    static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        if (type == Long.class || type == long.class) return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        if (type == Short.class || type == short.class) return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        if (type == Byte.class || type == byte.class) return "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
        return "a smaller number";
    }

    /** Types written as a string that may not read one: a date, a time, a UUID (a wrong one is a bad value, not JSON). */
    static boolean readFromString(Class<?> type) {
        return type == UUID.class || type == Instant.class || type == OffsetDateTime.class || type == LocalDate.class;
    }
}
