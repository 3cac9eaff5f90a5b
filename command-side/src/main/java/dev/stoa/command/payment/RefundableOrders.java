package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Orders as refund requests see them, read from the orders' own events ({@link RefundableOrder#read}). */
interface RefundableOrders {
    Optional<RefundableOrder> find(OrderId orderId);

    /**
     * What the card payment {@code paymentReference} names may still refund, as the payment counts it (captured, less
     * refunds that succeeded or are under way: also those made outside refund requests, by an admin or in Stripe's
     * dashboard); empty when it names no payment of ours.
     */
    default OptionalLong cardRefundable(String paymentReference) { return OptionalLong.empty(); }

    @Component
    class FromEvents implements RefundableOrders {
        private final EventStore events;

        FromEvents(EventStore events) { this.events = events; }

        @Override
        public Optional<RefundableOrder> find(OrderId orderId) { return RefundableOrder.read(events, orderId); }

        @Override
        public OptionalLong cardRefundable(String paymentReference) {
            PaymentId payment;
            try {
                payment = new PaymentId(paymentReference);
            } catch (IllegalArgumentException | NullPointerException notOurs) {
                return OptionalLong.empty();
            }
            List<Object> history = PaymentRecord.history(events, payment);
            return PaymentRecord.of(history).map(r -> OptionalLong.of(r.capturedCents() - r.refundedCents()
                    - PaymentRecord.underWay(history))).orElse(OptionalLong.empty());
        }
    }
}
