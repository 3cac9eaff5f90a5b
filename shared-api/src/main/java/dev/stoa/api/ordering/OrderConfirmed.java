package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** The order was paid ({@code paidCents} of {@code currency}, by {@code paymentMethod}, as {@code paymentReference}). */
@Revision("1")
public record OrderConfirmed(OrderId orderId, String orderNumber, UserId buyer, String paymentMethod,
                             String paymentReference, long paidCents, String currency) {}
