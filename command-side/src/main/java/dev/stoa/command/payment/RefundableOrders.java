package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Orders as refund requests see them, read from the orders' own events ({@link RefundableOrder#read}). */
interface RefundableOrders {
    Optional<RefundableOrder> find(OrderId orderId);

    /**
     * What the card payment {@code paymentReference} names may still refund, as the payment counts it (captured, less
     * refunds that succeeded or are under way: also those made outside refund requests, by an admin or in Stripe's
     * dashboard), less the refunds in {@code approved} (payment refund id → cents: the order's approved requests whose
     * money is on its way) that have not reached the payment yet; empty when it names no payment of ours.
     */
    default OptionalLong cardRefundable(String paymentReference, Map<String, Long> approved) { return OptionalLong.empty(); }

    /** Whether the card payment {@code paymentReference} names was asked for, or told of, the refund {@code refundId}. */
    default boolean cardRefundAsked(String paymentReference, String refundId) { return false; }

    /** Whether the card payment {@code paymentReference} names has had every captured cent refunded (succeeded). */
    default boolean cardRefundedWhole(String paymentReference) { return false; }

    @Component
    class FromEvents implements RefundableOrders {
        private final EventStore events;

        FromEvents(EventStore events) { this.events = events; }

        @Override
        public Optional<RefundableOrder> find(OrderId orderId) { return RefundableOrder.read(events, orderId); }

        @Override
        public boolean cardRefundedWhole(String paymentReference) {
            Optional<PaymentId> payment = ours(paymentReference);
            return payment.flatMap(p -> PaymentRecord.of(PaymentRecord.history(events, p)))
                    .map(r -> r.capturedCents() > 0 && r.refundedCents() >= r.capturedCents()).orElse(false);
        }

        @Override
        public boolean cardRefundAsked(String paymentReference, String refundId) {
            return ours(paymentReference).map(p -> PaymentRecord.refundIds(PaymentRecord.history(events, p)).contains(refundId))
                    .orElse(false);
        }

        private static Optional<PaymentId> ours(String paymentReference) {
            try {
                return Optional.of(new PaymentId(paymentReference));
            } catch (IllegalArgumentException | NullPointerException notOurs) {
                return Optional.empty();
            }
        }

        @Override
        public OptionalLong cardRefundable(String paymentReference, Map<String, Long> approved) {
            PaymentId payment = ours(paymentReference).orElse(null);
            if (payment == null) return OptionalLong.empty();
            List<Object> history = PaymentRecord.history(events, payment);
            Set<String> known = PaymentRecord.refundIds(history);
            long notThereYet = approved.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return PaymentRecord.of(history).map(r -> OptionalLong.of(r.capturedCents() - r.refundedCents()
                    - PaymentRecord.underWay(history) - notThereYet)).orElse(OptionalLong.empty());
        }
    }
}
