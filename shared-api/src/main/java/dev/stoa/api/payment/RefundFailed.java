package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The card refund of an approved refund request failed at the gateway (attempt {@code attempt}, the payment's refund
 * {@code paymentRefundId}): the {@code amountCents} are not back with the buyer; the request is {@code failed} until
 * retried. {@code reason}: what the gateway said (no personal data).
 */
@Revision("1")
public record RefundFailed(RefundRequestId refundId, OrderId orderId, UserId buyer, int attempt, String paymentRefundId,
                           long amountCents, String currency, String reason) {}
