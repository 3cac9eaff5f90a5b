package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.payment.StartPayment;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Card payments of orders: starting one (the checkout, or the owner again for a pending order) and reading one back.
 * The payment's id is derived from its order's, and the gateway's idempotency key from the payment's, so however
 * often a payment is started there is one payment and one PaymentIntent. The client secret is handed to the owner
 * only, straight from the gateway, and stored nowhere.
 */
@Component
public class CardPayments {
    /**
     * A payment as its owner sees it: {@code capturedCents} and {@code refundedCents} as the payment list shows them
     * (since 2026-12-06); {@code clientSecret} while it can still be paid (and only for the owner).
     */
    public record Started(PaymentId paymentId, OrderId orderId, String status, long amountCents, long capturedCents,
                          long refundedCents, String currency, String clientSecret) {}

    private final Commands commands;
    private final PaymentGateway gateway;
    private final EventStore events;

    CardPayments(Commands commands, PaymentGateway gateway, EventStore events) {
        this.commands = commands;
        this.gateway = gateway;
        this.events = events;
    }

    /** Opens the payment of an order just placed (the checkout): a PaymentIntent for its total. */
    public Started start(OrderId orderId, UserId buyer, long amountCents, String currency) {
        PaymentId paymentId = PaymentId.ofOrder(orderId);
        PaymentGateway.Intent intent = gateway(() -> gateway.createIntent(paymentId, orderId, amountCents, currency));
        StartPayment start = new StartPayment(paymentId, orderId, buyer, amountCents, currency, gateway.name(), intent.id());
        try {
            commands.send(start);
        } catch (RuntimeException e) {
            if (!Refusals.is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e;
            commands.send(start); // a second request started it at the same moment: now it exists, and this is a repeat
        }
        return new Started(paymentId, orderId, PaymentStatus.PENDING, amountCents, 0, 0, currency, intent.clientSecret());
    }

    /**
     * POST /api/v1/payments: the payment of the caller's pending card order, started if the checkout did not get to it,
     * with its client secret. Another user's order is 404; an order that is not pending, or not paid by card, is 409.
     */
    public StartedFor startFor(OrderId orderId, Actor actor) {
        OrderRecord order = OrderRecord.read(events, orderId).orElseThrow(() -> DomainException.notFound("order " + orderId));
        Access.requireSelfOr(actor, order.buyer().value(), "order " + orderId);
        if (!PlaceOrder.CARD.equals(order.paymentMethod()))
            throw DomainException.invalidTransition("order " + orderId + " is paid by " + order.paymentMethod() + ", not by card");
        var existing = PaymentRecord.read(events, PaymentId.ofOrder(orderId));
        if (existing.isPresent() && !PaymentStatus.PENDING.equals(existing.get().status()))
            throw DomainException.invalidTransition("the payment of order " + orderId + " is " + existing.get().shownStatus());
        if (!order.pending()) throw DomainException.invalidTransition("order " + orderId + " is " + order.status());
        return existing.isPresent() ? new StartedFor(view(existing.get(), true), false)
                : new StartedFor(start(orderId, order.buyer(), order.totalCents(), order.currency()), true);
    }

    /** The order's payment, and whether this request started it ({@code false}: it was open already). */
    public record StartedFor(Started payment, boolean created) {}

    /** GET /api/v1/payments/{paymentId}: the owner (with the client secret while unpaid), support and admin; others 404. */
    public Started find(PaymentId paymentId, Actor actor) {
        PaymentRecord payment = record(paymentId);
        Access.requireSelfOr(actor, payment.buyer().value(), "payment " + paymentId, Roles.ADMIN, Roles.SUPPORT);
        return view(payment, payment.buyer().value().equals(actor.userId()));
    }

    /** The payment as its events tell it; 404 if there is none. */
    PaymentRecord record(PaymentId paymentId) {
        return PaymentRecord.read(events, paymentId).orElseThrow(() -> DomainException.notFound("payment " + paymentId));
    }

    private Started view(PaymentRecord p, boolean owner) {
        boolean payable = PaymentStatus.PENDING.equals(p.status());
        String secret = owner && payable ? gateway(() -> gateway.retrieveIntent(p.intentId())).clientSecret() : null;
        return new Started(p.paymentId(), p.orderId(), p.shownStatus(), p.amountCents(), p.capturedCents(), p.refundedCents(),
                p.currency(), secret);
    }

    /** Runs a gateway call; an outage is 503 {@code service_unavailable}, a refusal 422 {@code payment_failed}. */
    static <T> T gateway(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PaymentGateway.Unavailable e) {
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "the card processor is unavailable; retry", 5L);
        } catch (PaymentGateway.Refused e) {
            throw new DomainException(ErrorCode.PAYMENT_FAILED, e.getMessage());
        }
    }
}
