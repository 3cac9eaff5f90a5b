package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import java.util.Optional;
import java.util.regex.Matcher;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A payment id as a client sends it to a card payment's operation (its refund, the sandbox's confirmation): a card
 * payment's UUID, or the id the API gives the payment of an order not paid by card ({@code wallet-<orderId>}, the
 * wallet's debit; {@code free-<orderId>}, nothing to pay), which {@code GET /api/v1/payments/{paymentId}} reads. Those
 * are answered for what they are: 409 {@code invalid_transition} naming the way, or 404 when the order is not the
 * caller's (nor is the caller an admin or support) or does not exist. Anything else is 400, as a malformed id is.
 */
@Component
class PaymentIds {
    private static final java.util.regex.Pattern NOT_BY_CARD = java.util.regex.Pattern.compile("(wallet|free)-(.+)");
    private final EventStore events;

    PaymentIds(EventStore events) { this.events = events; }

    /** The card payment {@code id} names, or a refusal for an order's payment that is none; {@code what} for the detail. */
    PaymentId card(String id, Actor actor, String what) {
        Matcher m = NOT_BY_CARD.matcher(id);
        if (!m.matches()) return parsed(id);
        OrderId orderId;
        try {
            orderId = new OrderId(m.group(2));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("payment " + id);
        }
        Optional<OrderRecord> order = OrderRecord.read(events, orderId)
                .filter(o -> actor.isAdmin() || actor.has(Roles.SUPPORT) || o.buyer().value().equals(actor.userId()))
                .filter(o -> m.group(1).equals(o.totalCents() == 0 ? "free" : "wallet")
                        && (o.totalCents() == 0 || PlaceOrder.WALLET.equals(o.paymentMethod())));
        if (order.isEmpty()) throw DomainException.notFound("payment " + id);
        throw DomainException.invalidTransition("payment " + id + (order.get().totalCents() == 0
                ? " is an order that cost nothing: there is no card payment to " + what
                : " is the order's wallet debit, not a card payment: it cannot be " + what + "ed here; a wallet payment "
                + "is refunded into the wallet through a refund request (POST /api/v1/refunds {orderId}, then its approval)"));
    }

    private static PaymentId parsed(String id) {
        try {
            return new PaymentId(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.badInput("paymentId must be a card payment's id (a UUID), or wallet-<orderId> or "
                    + "free-<orderId>");
        }
    }
}
