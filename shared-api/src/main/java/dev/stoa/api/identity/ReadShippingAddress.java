package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout reads one of the buyer's addresses in clear, to snapshot it into the order: {@code addressId}, or the
 * default address when it is null. Answers the {@link ShippingAddressRead}: the {@link Address} and the account's name
 * to send it to (null when no id was given and there is no default);
 * an id the account does not have is 404, whoever asks. Changes nothing.
 */
public record ReadShippingAddress(@TargetAggregateIdentifier UserId userId, String addressId) {}
