package dev.stoa.command.payment;

import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.*;
import dev.stoa.api.wallet.RefundToWallet;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Pays an approved refund request back where the order was paid, by the one way each has:
 * <ul>
 *   <li>wallet → {@code RefundToWallet} under the reference {@code refund-request-<id>}, then the request is paid;</li>
 *   <li>card → the payment's own {@code RequestRefund} (refund id {@code refund-request-<id>}, the gateway's idempotency
 *       key), so {@link PaymentProcess} calls the gateway; its {@code PaymentRefunded} marks the request paid (and
 *       {@link PaymentMails} tells the buyer).</li>
 * </ul>
 * Every step is idempotent under the request's id, so a redelivered event changes nothing more; never replayed.
 */
@Component
@ProcessingGroup(RefundProcess.NAME)
@DisallowReplay
class RefundProcess {
    static final String NAME = "refund-process";
    static final String PREFIX = "refund-request-";
    private final Commands commands;

    RefundProcess(Commands commands) { this.commands = commands; }

    @EventHandler
    void on(RefundApproved e) {
        String reference = PREFIX + e.refundId().value();
        if (e.totalCents() == 0) {
            commands.send(new MarkRefundPaid(e.orderId(), e.refundId(), null));
        } else if (PlaceOrder.WALLET.equals(e.paymentMethod())) {
            commands.send(new RefundToWallet(e.buyer(), e.orderId(), reference, e.totalCents(), e.currency()));
            commands.send(new MarkRefundPaid(e.orderId(), e.refundId(), reference));
        } else if (PlaceOrder.CARD.equals(e.paymentMethod())) {
            commands.send(new RequestRefund(new PaymentId(e.paymentReference()), reference, e.totalCents(),
                    "refund request " + e.refundId().value() + " of order " + e.orderNumber(), e.approvedBy()));
        } else {
            throw new IllegalStateException("refund " + e.refundId() + ": no way to pay back " + e.paymentMethod());
        }
    }

    @EventHandler
    void on(PaymentRefunded e) {
        if (e.refundId() == null || !e.refundId().startsWith(PREFIX)) return;
        commands.send(new MarkRefundPaid(e.orderId(), new RefundRequestId(e.refundId().substring(PREFIX.length())),
                e.gatewayRefundId()));
    }
}
