package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** An address was deleted. */
@Revision("1")
public record AddressRemoved(UserId userId, String addressId) {}
