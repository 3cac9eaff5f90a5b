package dev.stoa.api.identity;

/**
 * What {@link ReadShippingAddress} answers: the address in clear, and whom a parcel to it is for, the account's first
 * and last name (null when it has none left, as after an erasure). Before 2026-12-07 the order's shipping address had
 * no name at all, and a vendor could not label the parcel.
 */
public record ShippingAddressRead(Address address, String recipientName) {}
