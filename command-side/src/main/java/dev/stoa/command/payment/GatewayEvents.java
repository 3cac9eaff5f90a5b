package dev.stoa.command.payment;

import dev.stoa.api.payment.PaymentId;

/**
 * The gateway events (Stripe event ids) that changed a payment, recorded once the payment's events are stored (in their
 * transaction, or after it with Axon Server): a webhook delivered again is recognised without loading the payment. The
 * payment itself remembers them too, so the table is a fast path and a log for operators, never the only guard; it may
 * miss an id (a crash after the events), never hold one whose events are missing.
 */
public interface GatewayEvents {
    /** Notes that {@code gatewayEventId} was applied to {@code paymentId}; called by the aggregate's handler. */
    void record(String gatewayEventId, PaymentId paymentId);

    /** Whether {@code gatewayEventId} was applied already. */
    boolean seen(String gatewayEventId);
}
