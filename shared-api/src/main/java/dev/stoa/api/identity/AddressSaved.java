package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * An address was added or replaced. When it is the default, {@code previousDefaultId} names the address
 * that stopped being the default (null if none).
 */
@Revision("1")
public record AddressSaved(UserId userId, String addressId, Address address, String previousDefaultId) {}
