package dev.stoa.api.payment;

import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * An admin refunded part or all of an order's card payment outside refund requests ({@link RefundOrderPayment}): the
 * payment set {@code amountCents} aside under {@code refundId} ({@link PaymentRefundRequested}, whose reason it keeps,
 * sealed). Recorded on the order's refunds, the one place where the card's room is taken, for the audit trail; the
 * payment's own events count the money.
 */
@Revision("1")
public record DirectRefundRecorded(OrderId orderId, PaymentId paymentId, String refundId, long amountCents, String currency,
                                   String requestedBy) {}
