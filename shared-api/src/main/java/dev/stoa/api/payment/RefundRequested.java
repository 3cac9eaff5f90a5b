package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The buyer asked for a refund of these units of the order ({@code items}, resolved: never empty); open until decided.
 * {@code paymentMethod}: the order's (card, wallet, free), where the refund goes once approved; null in requests made
 * before 2026-12-06, whose method their approval names.
 */
@Revision("1")
public record RefundRequested(RefundRequestId refundId, OrderId orderId, String orderNumber, UserId buyer, String reason,
                              List<RefundItem> items, String currency, String paymentMethod) {}
