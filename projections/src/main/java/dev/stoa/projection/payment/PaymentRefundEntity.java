package dev.stoa.projection.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Read model row of one refund of a payment ({@code payment_refund_view}). */
@Entity
@Table(name = "payment_refund_view")
@IdClass(PaymentRefundEntity.Key.class)
public class PaymentRefundEntity {
    /** The composite key: payment and refund id. */
    public record Key(String paymentId, String refundId) implements Serializable {
        public Key() { this(null, null); }
    }

    @Id
    @Column(name = "payment_id") private String paymentId;
    @Id
    @Column(name = "refund_id") private String refundId;
    @Column(name = "amount_cents") private long amountCents;
    private String status;
    private String reason;
    @Column(name = "requested_by") private String requestedBy;
    @Column(name = "gateway_refund_id") private String gatewayRefundId;
    @Column(name = "requested_at") private Instant requestedAt;
    @Column(name = "updated_at") private Instant updatedAt;
    @Column(name = "failure_reason") private String failureReason;

    protected PaymentRefundEntity() {}

    public PaymentRefundEntity(String paymentId, String refundId, long amountCents, String reason, String requestedBy, Instant at) {
        this.paymentId = paymentId;
        this.refundId = refundId;
        this.amountCents = amountCents;
        this.status = "requested";
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.updatedAt = at;
    }

    public PaymentRefundEntity settle(String status, String gatewayRefundId, Instant at) {
        this.status = status;
        if (gatewayRefundId != null) this.gatewayRefundId = gatewayRefundId;
        this.updatedAt = at;
        return this;
    }

    /** The gateway failed it: why. */
    public PaymentRefundEntity failed(String why, Instant at) {
        settle("failed", null, at);
        failureReason = why;
        return this;
    }

    /** The buyer was erased: the reason given for the refund goes (amounts and states stay, for the books). */
    public PaymentRefundEntity anonymised() {
        if (reason != null) reason = dev.stoa.api.platform.PersonalData.ERASED;
        return this;
    }

    public String getFailureReason() { return failureReason; }
    public String getPaymentId() { return paymentId; }
    public String getRefundId() { return refundId; }
    public long getAmountCents() { return amountCents; }
    public String getStatus() { return status; }
    public String getReason() { return reason; }
    public String getRequestedBy() { return requestedBy; }
    public String getGatewayRefundId() { return gatewayRefundId; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
