package dev.stoa.api.payment;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * A customer's refund request as the read model shows it: {@code status} requested, approved, rejected, refunded
 * (approved and paid back), failed (the card refund failed: {@code failureReason}; admin or support may retry it,
 * {@code attempts} counts the tries) or closed (undecided, its order was cancelled, which refunds what was paid;
 * {@code decidedAt} says when, {@code decidedBy} is null); once approved, the amount split in cents ({@code lines}, totals; null before),
 * whether a product return was opened, the units received back so far ({@code returnedItems}, null before any) and
 * whether all of them arrived ({@code returnComplete}).
 */
public record RefundRequestView(String refundId, String orderId, String orderNumber, String buyerId, String status,
                                String reason, List<RefundItem> items, @MayBeNull List<RefundLineAmount> lines,
                                @MayBeNull Long itemsCents, @MayBeNull Long discountCents, @MayBeNull Long taxCents,
                                @MayBeNull Long shippingCents, @MayBeNull Long totalCents, String currency,
                                String paymentMethod, boolean returnOpened, @MayBeNull String decidedBy,
                                @MayBeNull String decisionReason, Instant requestedAt, @MayBeNull Instant decidedAt,
                                @MayBeNull Instant refundedAt, @MayBeNull String failureReason, int attempts,
                                @MayBeNull Instant failedAt, @MayBeNull List<RefundItem> returnedItems,
                                boolean returnComplete, @MayBeNull Instant returnReceivedAt) {}
