package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A payment id as a client sends it to a card payment's operation (its refund, the sandbox's confirmation): a card
 * payment's UUID, or the id the API gives the payment of an order not paid by card ({@code wallet-<orderId>}, the
 * wallet's debit; {@code free-<orderId>}, nothing to pay), which {@code GET /api/v1/payments/{paymentId}} reads. Those
 * are answered for what they are: 409 {@code invalid_transition} naming the way, or 404 when the order has no such
 * payment or (a confirmation) is not the caller's. Anything else is 400, as a malformed id is.
 */
@Component
class PaymentIds {
    private static final java.util.regex.Pattern NOT_BY_CARD = java.util.regex.Pattern.compile("(wallet|free)-(.+)");
    private final EventStore events;

    PaymentIds(EventStore events) { this.events = events; }

    /** For an admin's refund: the card payment {@code id} names, or a refusal naming the way for one that is none. */
    PaymentId toRefund(String id) {
        return card(id, order -> true, "the order's wallet debit, not a card payment: it is refunded into the wallet "
                + "through a refund request (POST /api/v1/refunds {orderId}, then its approval)",
                "an order that cost nothing: nothing was paid, so nothing is refunded");
    }

    /** For the buyer's sandbox confirmation: another's order is 404, as another's card payment is. */
    PaymentId toConfirm(String id, Actor buyer) {
        return card(id, order -> order.buyer().value().equals(buyer.userId()),
                "the order's wallet debit, taken at checkout: there is no card payment to confirm",
                "an order that cost nothing: there is no card payment to confirm");
    }

    private PaymentId card(String id, Predicate<OrderRecord> visible, String walletDetail, String freeDetail) {
        Matcher m = NOT_BY_CARD.matcher(id);
        if (!m.matches()) return parsed(id);
        OrderId orderId;
        try {
            orderId = new OrderId(m.group(2));
        } catch (IllegalArgumentException e) { // 400, as GET /payments/wallet-<not a UUID> answers
            throw DomainException.badInput("paymentId " + m.group(1) + "-<orderId> needs the order's id, a UUID");
        }
        boolean free = "free".equals(m.group(1));
        Optional<OrderRecord> order = OrderRecord.read(events, orderId).filter(visible)
                .filter(o -> free ? o.totalCents() == 0 : o.totalCents() > 0 && PlaceOrder.WALLET.equals(o.paymentMethod()));
        if (order.isEmpty()) throw DomainException.notFound("payment " + id);
        throw DomainException.invalidTransition("payment " + id + " is " + (free ? freeDetail : walletDetail));
    }

    private static PaymentId parsed(String id) {
        try {
            return new PaymentId(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.badInput(PaymentId.MALFORMED);
        }
    }
}
