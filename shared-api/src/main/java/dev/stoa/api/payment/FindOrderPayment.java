package dev.stoa.api.payment;

/**
 * The payment of an order that was not paid by card, as its read models tell it: the wallet's debit
 * ({@code wallet-<orderId>}) or nothing to pay ({@code free-<orderId>}). Answers a {@link Result}, or null when there is
 * no such order.
 */
public record FindOrderPayment(String orderId) {
    /**
     * {@code orderStatus}, {@code paymentMethod}, {@code paymentReference} (null until the order was paid) and
     * {@code totalCents} are the order's; {@code refundedCents} adds up the buyer's wallet refunds for the order.
     */
    public record Result(String orderId, String buyerId, String orderStatus, String paymentMethod, String paymentReference,
                         long totalCents, String currency, long refundedCents) {}
}
