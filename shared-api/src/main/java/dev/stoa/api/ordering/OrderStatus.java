package dev.stoa.api.ordering;

import java.util.Arrays;
import java.util.Optional;

/** The states of an order: pending → confirmed → shipped → delivered; pending, confirmed, shipped → cancelled. */
public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    /** The lower-case name API.md uses. */
    public String value() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Optional<OrderStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
