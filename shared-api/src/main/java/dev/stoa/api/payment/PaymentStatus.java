package dev.stoa.api.payment;

/** The states of a card payment as clients see them ({@code status} of GET /api/v1/payments/{paymentId}). */
public final class PaymentStatus {
    public static final String PENDING = "pending";
    public static final String CAPTURED = "captured";
    public static final String FAILED = "failed";
    public static final String CANCELED = "canceled";
    public static final String PARTIALLY_REFUNDED = "partially_refunded";
    public static final String REFUNDED = "refunded";

    private PaymentStatus() {}
}
