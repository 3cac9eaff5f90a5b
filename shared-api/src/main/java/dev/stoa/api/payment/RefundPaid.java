package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The approved refund's {@code amountCents} are back with the buyer, by {@code paymentMethod} ({@code wallet}, {@code card}). */
@Revision("1")
public record RefundPaid(RefundRequestId refundId, OrderId orderId, UserId buyer, long amountCents, String currency,
                         String paymentMethod) {}
