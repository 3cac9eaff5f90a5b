package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * A failed refund request is tried again by {@code retriedBy}: attempt {@code attempt} pays {@code amountCents} back
 * through the card payment {@code paymentReference} as the payment's refund {@code paymentRefundId} (its own gateway
 * idempotency key). The request is {@code approved} again until that attempt succeeds or fails.
 */
@Revision("1")
public record RefundRetried(RefundRequestId refundId, OrderId orderId, String orderNumber, UserId buyer, int attempt,
                            String paymentRefundId, long amountCents, String currency, String paymentMethod,
                            String paymentReference, String retriedBy) {}
