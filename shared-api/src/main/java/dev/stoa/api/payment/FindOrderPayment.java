package dev.stoa.api.payment;

/**
 * The payment of an order that was not paid by card, as its read models tell it: the wallet's debit
 * ({@code wallet-<orderId>}) or nothing to pay ({@code free-<orderId>}). Answers a {@link Result}, or null when there is
 * no such order.
 */
public record FindOrderPayment(String orderId) {
    /**
     * {@code orderStatus}, {@code paymentMethod}, {@code totalCents} and {@code declined} (cancelled for
     * {@code payment_failed}) are the order's; {@code debitedCents} and {@code refundedCents} add up the buyer's wallet
     * entries for the order: its debit, and what came back (refund requests, its cancellation, a debit that landed after
     * the order had ended).
     */
    public record Result(String orderId, String buyerId, String orderStatus, String paymentMethod, long totalCents,
                         String currency, boolean declined, long debitedCents, long refundedCents) {}
}
