package dev.stoa.projection.payment;

import dev.stoa.api.payment.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one card payment ({@code payment_view}). */
@Entity
@Table(name = "payment_view")
public class PaymentEntity {
    @Id
    @Column(name = "payment_id") private String paymentId;
    @Column(name = "order_id") private String orderId;
    @Column(name = "buyer_id") private String buyerId;
    private String status;
    @Column(name = "amount_cents") private long amountCents;
    @Column(name = "captured_cents") private long capturedCents;
    @Column(name = "refunded_cents") private long refundedCents;
    private String currency;
    private String gateway;
    @Column(name = "intent_id") private String intentId;
    @Column(name = "failure_code") private String failureCode;
    @Column(name = "failure_message") private String failureMessage;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;

    protected PaymentEntity() {}

    public PaymentEntity(String paymentId, String orderId, String buyerId, long amountCents, String currency, String gateway,
                         String intentId, Instant at) {
        this.paymentId = paymentId;
        this.orderId = orderId;
        this.buyerId = buyerId;
        this.status = "pending";
        this.amountCents = amountCents;
        this.currency = currency;
        this.gateway = gateway;
        this.intentId = intentId;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /**
     * Captured as Stripe took it: {@code currency} another than the order's too (then refunded, as the payment's own
     * record shows: its amounts are in that currency from here on); null in events stored before it was recorded.
     */
    public PaymentEntity captured(long cents, String currency, Instant at) {
        capturedCents = cents;
        if (currency != null) this.currency = currency;
        status = "captured";
        failureCode = null; // a decline before (another card paid the same intent then), or the expiry's cancellation:
        failureMessage = null; // the payment shows what the payment's own record shows, no failure once paid
        updatedAt = at;
        return this;
    }

    public PaymentEntity failed(String status, String code, String message, Instant at) {
        this.status = status;
        failureCode = code;
        failureMessage = message;
        updatedAt = at;
        return this;
    }

    /**
     * Canceled; a declined payment whose intent is canceled afterwards (with its order) stays failed, with the
     * decline's code and message: what the buyer and API.md know it as.
     */
    public PaymentEntity canceled(String reason, Instant at) {
        return PaymentStatus.FAILED.equals(status) ? failed(PaymentStatus.FAILED, failureCode, failureMessage, at)
                : failed(PaymentStatus.CANCELED, reason, null, at);
    }

    public PaymentEntity refunded(long refundedCents, String status, Instant at) {
        this.refundedCents = refundedCents;
        this.status = status;
        updatedAt = at;
        return this;
    }

    public String getPaymentId() { return paymentId; }
    public String getOrderId() { return orderId; }
    public String getBuyerId() { return buyerId; }
    public String getStatus() { return status; }
    public long getAmountCents() { return amountCents; }
    public long getCapturedCents() { return capturedCents; }
    public long getRefundedCents() { return refundedCents; }
    public String getCurrency() { return currency; }
    public String getGateway() { return gateway; }
    public String getIntentId() { return intentId; }
    public String getFailureCode() { return failureCode; }
    public String getFailureMessage() { return failureMessage; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
