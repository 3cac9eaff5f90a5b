package dev.stoa.api.ordering;

/** {@code quantity} units of the order's line selling {@code itemId}. */
public record WithdrawnUnits(String itemId, int quantity) {}
