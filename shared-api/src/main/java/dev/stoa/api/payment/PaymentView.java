package dev.stoa.api.payment;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/** A card payment in the read model: status, amounts to the cent (captured, refunded) and its refunds. No client secret. */
public record PaymentView(String paymentId, String orderId, String buyerId, String status, long amountCents,
                          long capturedCents, long refundedCents, String currency, String gateway,
                          @MayBeNull String failureCode, @MayBeNull String failureMessage, Instant createdAt,
                          Instant updatedAt, List<RefundView> refunds) {
    /**
     * One refund: {@code status} requested (at the gateway now), succeeded or failed ({@code failureReason}: the gateway's
     * word); {@code reason} as given ([erased] once the buyer is erased).
     */
    public record RefundView(String refundId, long amountCents, String status, String reason, Instant requestedAt,
                             Instant updatedAt, @MayBeNull String failureReason) {}
}
