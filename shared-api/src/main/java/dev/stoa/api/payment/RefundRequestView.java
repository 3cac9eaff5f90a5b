package dev.stoa.api.payment;

import java.time.Instant;
import java.util.List;

/**
 * A customer's refund request as the read model shows it: {@code status} requested, approved, rejected or refunded
 * (approved and paid back); once approved, the amount split in cents ({@code lines}, totals; null before) and whether a
 * product return was opened.
 */
public record RefundRequestView(String refundId, String orderId, String orderNumber, String buyerId, String status,
                                String reason, List<RefundItem> items, List<RefundLineAmount> lines, Long itemsCents,
                                Long discountCents, Long taxCents, Long shippingCents, Long totalCents, String currency,
                                String paymentMethod, boolean returnOpened, String decidedBy, String decisionReason,
                                Instant requestedAt, Instant decidedAt, Instant refundedAt) {}
