package dev.stoa.command.payment;

import dev.stoa.api.platform.Money;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.payment.PaymentRefundReversed;
import dev.stoa.api.payment.PaymentRefunded;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundPaid;
import dev.stoa.api.payment.RefundRejected;
import dev.stoa.api.payment.RefundUnitsOfClosedSeller;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.ordering.BuyerMails;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The buyer's mails about a card payment: it failed (once the order is cancelled for it), a refund went through (to the card, or
 * a refund request's to the wallet), a card refund was sent back by the bank after all, a refund request was declined. Named after the
 * event that caused them, so a redelivered event sends nothing more; never on a replay, not for events older than 48 h.
 */
@Component
@ProcessingGroup(PaymentMails.NAME)
@DisallowReplay
class PaymentMails {
    static final String NAME = "payment-mail";
    private final BuyerMails mails;
    private final EventStore events;
    private final PersonalData personal;
    private final String publicUrl;

    PaymentMails(BuyerMails mails, EventStore events, PersonalData personal,
                 @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.mails = mails;
        this.personal = personal;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    /**
     * A card payment that did not go through, once its order was cancelled for it ({@code payment_failed}), with the
     * decline's reason: the mail says the order was cancelled and nothing charged. Not on the decline itself, as before
     * 2026-12-05: another card may still pay the intent, and the order is then confirmed, which that mail denied.
     * The order's own cancellation mail is not sent for this reason ({@code OrderMails}): this one says it all.
     */
    @EventHandler
    void on(OrderCancelled e, EventMessage<?> message) {
        PaymentRecord payment = DeclinedCardOrders.declinedPayment(e, events, personal).orElse(null);
        if (payment == null) return; // OrderMails tells any other cancellation
        String reason = payment.failureMessage() != null ? payment.failureMessage().replaceAll("\\.$", "")
                : payment.failureCode() != null ? payment.failureCode() : "the card was declined";
        Map<String, Object> model = model(e.orderId(), payment.amountCents(), payment.currency());
        model.put("reason", reason);
        send("payment-failed", e.buyer().value(), message, model);
    }

    @EventHandler
    void on(PaymentRefunded e, EventMessage<?> message) {
        Map<String, Object> model = model(e.orderId(), e.amountCents(), e.currency());
        model.put("refunded", amount(e.refundedCents(), e.currency()));
        model.put("captured", amount(e.capturedCents(), e.currency()));
        String why = e.reason() == null ? "" : personal.open(e.buyer().value(), e.reason()); // sealed with the buyer's key
        model.put("why", PersonalData.ERASED.equals(why) ? "" : why);
        send("payment-refunded", e.buyer().value(), message, model);
    }

    /**
     * A card refund that succeeded and was then sent back by the bank (a closed card): the buyer was told the money
     * was on its way, and is told it is not; staff retry the refund (its request is failed, with the reason).
     */
    @EventHandler
    void on(PaymentRefundReversed e, EventMessage<?> message) {
        Map<String, Object> model = model(e.orderId(), e.amountCents(), e.currency());
        model.put("reason", e.reason() == null || e.reason().isBlank() ? "refused by the bank" : e.reason());
        send("refund-reversed", e.buyer().value(), message, model);
    }

    /**
     * A refund request paid back to the wallet (card refunds are told by {@code PaymentRefunded} above). The platform's
     * refund of a closed seller's units says why, instead of thanking the buyer for a request they never made.
     */
    @EventHandler
    void on(RefundPaid e, EventMessage<?> message) {
        if (!dev.stoa.api.ordering.PlaceOrder.WALLET.equals(e.paymentMethod()) || e.amountCents() <= 0) return;
        Map<String, Object> model = model(e.orderId(), e.amountCents(), e.currency());
        boolean platforms = events.readEvents(OrderRefundsId.of(e.orderId())).asStream()
                .anyMatch(m -> m.getPayload() instanceof RefundApproved a && a.refundId().equals(e.refundId())
                        && RefundUnitsOfClosedSeller.madeIt(a));
        model.put("why", platforms ? RefundUnitsOfClosedSeller.REASON : "");
        send("refund-to-wallet", e.buyer().value(), message, model);
    }

    /**
     * A refund request declined by staff: the buyer is told, with staff's reason (sealed with the buyer's key; nothing
     * once they were erased). Before 2026-12-06 (seventh session) nobody told them, and a rejected request looked
     * forever pending from the buyer's mailbox (found by a walkthrough).
     */
    @EventHandler
    void on(RefundRejected e, EventMessage<?> message) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", OrderRecord.read(events, e.orderId()).map(OrderRecord::orderNumber).orElse(e.orderId().value()));
        model.put("orderUrl", publicUrl + "/orders/" + e.orderId().value());
        String why = e.reason() == null ? "" : personal.open(e.buyer().value(), e.reason());
        model.put("why", PersonalData.ERASED.equals(why) ? "" : why.replaceAll("\\.$", ""));
        send("refund-rejected", e.buyer().value(), message, model);
    }

    private Map<String, Object> model(OrderId orderId, long cents, String currency) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", OrderRecord.read(events, orderId).map(OrderRecord::orderNumber).orElse(orderId.value()));
        model.put("amount", amount(cents, currency));
        model.put("orderUrl", publicUrl + "/orders/" + orderId.value());
        return model;
    }

    private void send(String template, String buyer, EventMessage<?> message, Map<String, Object> model) {
        mails.send(template, buyer, message, model);
    }

    private static String amount(long cents, String currency) { return Money.format(cents, currency); }
}
