package dev.stoa.projection.payment;

import dev.stoa.api.platform.PersonalData;

import dev.stoa.api.payment.RefundItem;
import dev.stoa.api.payment.RefundLineAmount;
import dev.stoa.api.payment.RefundRequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Read model row of one refund request ({@code refund_request_view}). */
@Entity
@Table(name = "refund_request_view")
public class RefundRequestEntity {
    @Id
    @Column(name = "refund_id") private String refundId;
    @Column(name = "order_id") private String orderId;
    @Column(name = "order_number") private String orderNumber;
    @Column(name = "buyer_id") private String buyerId;
    private String status;
    private String reason;
    @JdbcTypeCode(SqlTypes.JSON) private List<RefundItem> items;
    @JdbcTypeCode(SqlTypes.JSON) private List<RefundLineAmount> lines;
    @Column(name = "items_cents") private Long itemsCents;
    @Column(name = "discount_cents") private Long discountCents;
    @Column(name = "tax_cents") private Long taxCents;
    @Column(name = "shipping_cents") private Long shippingCents;
    @Column(name = "total_cents") private Long totalCents;
    private String currency;
    @Column(name = "payment_method") private String paymentMethod;
    @Column(name = "return_opened") private boolean returnOpened;
    @Column(name = "decided_by") private String decidedBy;
    @Column(name = "decision_reason") private String decisionReason;
    @Column(name = "requested_at") private Instant requestedAt;
    @Column(name = "decided_at") private Instant decidedAt;
    @Column(name = "refunded_at") private Instant refundedAt;
    @Column(name = "failure_reason") private String failureReason;
    private int attempts; // none until approved: the approval is the first
    @Column(name = "failed_at") private Instant failedAt;
    @Column(name = "returned_items") @JdbcTypeCode(SqlTypes.JSON) private List<RefundItem> returnedItems;
    @Column(name = "return_complete") private boolean returnComplete;
    @Column(name = "return_received_at") private Instant returnReceivedAt;

    protected RefundRequestEntity() {}

    public RefundRequestEntity(String refundId, String orderId, String orderNumber, String buyerId, String reason,
                               List<RefundItem> items, String currency, String paymentMethod, Instant at) {
        this.refundId = refundId;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.buyerId = buyerId;
        this.status = "requested";
        this.reason = reason;
        this.items = items;
        this.currency = currency;
        this.paymentMethod = paymentMethod;
        this.requestedAt = at;
    }

    public RefundRequestEntity approved(List<RefundLineAmount> lines, long items, long discount, long tax, long shipping, long total,
                                        String paymentMethod, String by, Instant at) {
        if ("requested".equals(status)) status = "approved";
        this.lines = lines;
        this.itemsCents = items;
        this.discountCents = discount;
        this.taxCents = tax;
        this.shippingCents = shipping;
        this.totalCents = total;
        this.paymentMethod = paymentMethod;
        this.attempts = Math.max(attempts, 1);
        this.decidedBy = by;
        this.decidedAt = at;
        return this;
    }

    /** The buyer was erased: the free texts about the request go (amounts and states stay, for the books). */
    public RefundRequestEntity anonymised() {
        reason = PersonalData.ERASED;
        if (decisionReason != null) decisionReason = PersonalData.ERASED;
        return this;
    }

    public RefundRequestEntity rejected(String reason, String by, Instant at) {
        status = "rejected";
        decisionReason = reason;
        decidedBy = by;
        decidedAt = at;
        return this;
    }

    /**
     * Why a request is closed, as its {@code decisionReason} says it (the platform's words: no personal data). True of
     * both ways an order is cancelled under an open request: by a cancellation, which refunds what is left of the
     * payment, or by a refund of the whole payment outside requests, which cancels the order (reason
     * {@code payment_refunded}); it said "its cancellation refunds what was paid" of the latter too before 2026-12-07
     * (found by a walkthrough).
     */
    public static final String CLOSED_REASON = "the order was cancelled while this request was open, and what was paid "
            + "is given back: by the cancellation, or by the refund of the whole payment that cancelled it";

    /** Why an approved request closed without a refund of its own (the platform's words, as {@link #CLOSED_REASON}). */
    public static final String PAID_OTHERWISE_REASON = "approved, and given back with the rest of the order: by its "
            + "cancellation, or by the refund of the whole payment, before this request's own refund was paid";

    /** Closed undecided: its order was cancelled, which refunds what was paid; decided by nobody. */
    public RefundRequestEntity closed(Instant at) {
        // approved, and paid by the order's cancellation (its share included), or failed, and its money given back
        // otherwise (the payment refunded whole: CloseRefundsPaidOtherwise): the approval's decision stays, and a
        // failure's reason with it
        if ("approved".equals(status) || "failed".equals(status)) {
            // an approval has no reason of its own: the closure's is said (it read closed with none, and a buyer saw no
            // refund and no why, before 2026-12-07; walkthrough Z35)
            if ("approved".equals(status) && decisionReason == null) decisionReason = PAID_OTHERWISE_REASON;
            status = "closed";
            return this;
        }
        if (!"requested".equals(status)) return this;
        status = "closed";
        decisionReason = CLOSED_REASON;
        decidedAt = at;
        return this;
    }

    public RefundRequestEntity refunded(Instant at) {
        status = "refunded";
        refundedAt = at;
        failureReason = null;
        return this;
    }

    /**
     * The refund of attempt {@code attempt} failed (a late failure of an earlier attempt is not news); also after it was
     * refunded, when the card's bank refused it after all (the aggregate fails only the current attempt).
     */
    public RefundRequestEntity failed(int attempt, String why, Instant at) {
        if (attempt < attempts) return this;
        status = "failed";
        refundedAt = null;
        attempts = attempt;
        failureReason = why;
        failedAt = at;
        return this;
    }

    /** Attempt {@code attempt} is under way: approved again. */
    public RefundRequestEntity retried(int attempt) {
        if (attempt <= attempts && !"failed".equals(status)) return this;
        if (!"refunded".equals(status)) status = "approved";
        attempts = Math.max(attempts, attempt);
        failureReason = null;
        return this;
    }

    /** A parcel of returned units arrived: added to those received (each parcel once: the event is applied once per row). */
    public RefundRequestEntity returnReceived(List<RefundItem> arrived, boolean complete, Instant at) {
        java.util.Map<String, Integer> units = new java.util.TreeMap<>();
        if (returnedItems != null) returnedItems.forEach(i -> units.merge(i.itemId(), i.quantity(), Integer::sum));
        arrived.forEach(i -> units.merge(i.itemId(), i.quantity(), Integer::sum));
        returnedItems = units.entrySet().stream().map(e -> new RefundItem("product", e.getKey(), e.getValue())).toList();
        returnComplete = complete;
        returnReceivedAt = at;
        return this;
    }

    public RefundRequestEntity returnOpened() {
        returnOpened = true;
        return this;
    }

    public RefundRequestView view() {
        return new RefundRequestView(refundId, orderId, orderNumber, buyerId, status, reason, items, lines, itemsCents,
                discountCents, taxCents, shippingCents, totalCents, currency, paymentMethod, returnOpened, decidedBy,
                decisionReason, requestedAt, decidedAt, refundedAt, failureReason, attempts, failedAt, returnedItems, returnComplete,
                returnReceivedAt);
    }

    public String getRefundId() { return refundId; }
    public String getBuyerId() { return buyerId; }
}
