package dev.stoa.command.payment;

import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.PersonalData;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Which cancellations a card's decline caused: the platform cancelled a card order for {@code payment_failed}, and its
 * payment failed (or was canceled) with nothing captured. The buyer hears of those by the payment's mail
 * ({@code payment-failed}, with the decline's reason: "nothing was charged"), and of every other cancellation by the
 * order's own mail: a checkout whose card payment could not start, a wallet's refused debit, a captured amount that
 * did not match the order (it was charged, and refunded), a buyer who wrote "payment_failed" as a reason.
 */
public final class DeclinedCardOrders {
    private DeclinedCardOrders() {}

    public static boolean declined(OrderCancelled e, EventStore events, PersonalData personal) {
        return declinedPayment(e, events, personal).isPresent();
    }

    /** The declined payment behind such a cancellation, read once (its mail tells its reason). */
    static Optional<PaymentRecord> declinedPayment(OrderCancelled e, EventStore events, PersonalData personal) {
        if (!Actor.system().userId().equals(e.cancelledBy()) || !PlaceOrder.CARD.equals(e.paymentMethod()))
            return Optional.empty();
        // the reason is sealed with the buyer's key (a buyer may write one): opened to be compared
        if (!CancelOrder.PAYMENT_FAILED.equals(personal.open(e.buyer().value(), e.reason()))) return Optional.empty();
        return PaymentRecord.read(events, PaymentId.ofOrder(e.orderId())).filter(payment -> payment.capturedCents() == 0
                && (PaymentStatus.FAILED.equals(payment.status()) || PaymentStatus.CANCELED.equals(payment.status())));
    }
}
