package dev.stoa.api.ordering;

import dev.stoa.api.platform.MayBeNull;
/**
 * Where an order's physical lines go, snapshotted at checkout (later edits of the address book do not change it).
 * In events its personal fields (name, street lines, city, state, postal code) are sealed with the buyer's key,
 * so erasing the buyer makes them unreadable; the country stays readable (tax and shipping zones, the books).
 */
public record ShippingAddress(@MayBeNull String recipientName, String streetLine1, @MayBeNull String streetLine2,
                              String city, @MayBeNull String state, String postalCode, String countryCode) {}
