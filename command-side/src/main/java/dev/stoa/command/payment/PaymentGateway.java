package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;

/**
 * The port to the card processor: Stripe ({@link StripeGateway}) or, without a Stripe key in the embedded mode, the
 * {@link SandboxGateway}. Every call that creates something carries an idempotency key derived from Stoa's own id, so
 * a retry (a crashed request, a redelivered event) never creates a second PaymentIntent or refund.
 */
public interface PaymentGateway {
    /** {@code stripe} or {@code sandbox}: shown in health and stored with each payment. */
    String name();

    /** The secret this gateway's webhooks are signed with (Stripe's endpoint secret; the sandbox's own). */
    String webhookSecret();

    /** Creates the PaymentIntent of a payment (idempotency key {@code payment-<paymentId>}); metadata orderId, paymentId. */
    Intent createIntent(PaymentId paymentId, OrderId orderId, long amountCents, String currency);

    /** The PaymentIntent as it is now (its client secret included). */
    Intent retrieveIntent(String intentId);

    /** Refunds {@code amountCents} of the intent's charge (idempotency key {@code refund-<refundId>}). */
    Refund refund(String intentId, PaymentId paymentId, String refundId, long amountCents);

    /** A PaymentIntent: its id, the client secret the browser confirms it with (never stored), its status. */
    record Intent(String id, String clientSecret, String status, String paymentId) {
        @Override
        public String toString() { return "Intent[" + id + ", " + status + "]"; } // the client secret stays out of logs
    }

    /**
     * Cancels a PaymentIntent that can no longer be paid (its order is gone; idempotency key {@code cancel-<paymentId>}):
     * answers its status then ({@code canceled}). An intent that succeeded meanwhile cannot be canceled: {@link Refused}.
     */
    default String cancelIntent(String intentId, PaymentId paymentId) {
        return cancelIntent(intentId, paymentId, "cancel-" + paymentId.value());
    }

    /** The same, under another idempotency key (a decline's cancel, {@code cancel-declined-<paymentId>}). */
    String cancelIntent(String intentId, PaymentId paymentId, String idempotencyKey);

    /**
     * A refund at the gateway: its id, status ({@code succeeded}, {@code pending}, {@code failed}, {@code canceled}) and,
     * when it failed, why (Stripe's {@code failure_reason}).
     */
    record Refund(String id, String status, String failureReason) {}

    /** The gateway refused the request for good (invalid request, card error): retrying it cannot help. */
    class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) { super(message, cause); }
    }

    /** The gateway could not be reached or failed (network, 5xx, rate limit): a retry may succeed. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) { super(message, cause); }
    }
}
