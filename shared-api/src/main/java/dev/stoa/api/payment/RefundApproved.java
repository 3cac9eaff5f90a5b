package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A refund request was approved and its amount fixed, in cents of {@code currency}:
 * {@code totalCents = itemsCents - discountCents + taxCents + shippingCents}, the split per line in {@code lines};
 * shipping only when the order ends up wholly refunded ({@code wholeOrderRefunded}). It is paid back by
 * {@code paymentMethod} ({@code wallet} or {@code card}, the card payment being {@code paymentReference}).
 */
@Revision("1")
public record RefundApproved(RefundRequestId refundId, OrderId orderId, String orderNumber, UserId buyer,
                             List<RefundLineAmount> lines, long itemsCents, long discountCents, long taxCents,
                             long shippingCents, long totalCents, String currency, boolean wholeOrderRefunded,
                             String paymentMethod, String paymentReference, String approvedBy) {}
