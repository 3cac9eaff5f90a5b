package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/**
 * An open refund request was closed, undecided, because its order was cancelled meanwhile: the cancellation refunds
 * what was paid, so nothing is left for the request to refund (status {@code closed}; since 2026-12-06, before which
 * such a request stayed {@code requested} until staff rejected it). Also, since the fourth session of 2026-12-06, an approved request
 * whose refund the wallet or payment refused because the order's cancellation had given everything back first, its
 * share included ({@link SettleRefundOvertakenByCancellation}; it was {@code failed} before).
 */
@Revision("1")
public record RefundRequestClosed(RefundRequestId refundId, OrderId orderId, String orderNumber, UserId buyer) {}
