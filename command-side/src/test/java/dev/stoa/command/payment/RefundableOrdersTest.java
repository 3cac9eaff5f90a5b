package dev.stoa.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentCaptured;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentRefundRequested;
import dev.stoa.api.payment.PaymentRefunded;
import dev.stoa.api.payment.PaymentStarted;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** What a card payment has left to refund, as an approval counts it: the payment's events, and the approvals on their way. */
class RefundableOrdersTest {
    private final OrderId order = OrderId.random();
    private final PaymentId payment = PaymentId.ofOrder(order);
    private final UserId buyer = UserId.random();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final RefundableOrders orders = new RefundableOrders.FromEvents(events);

    @Test
    void capturedLessRefunded_lessUnderWay_lessApprovedRefundsThePaymentWasNotAskedForYet() {
        append(new PaymentStarted(payment, order, buyer, 10_000, "USD", "stripe", "pi_1"),
                new PaymentCaptured(payment, order, buyer, 10_000, "USD", "pi_1", "evt_1"),
                // an admin's refund outside refund requests, done
                new PaymentRefunded(payment, order, buyer, "admin-1", "re_1", 3_000, "USD", 3_000, 10_000,
                        "partially_refunded", "x"),
                // an approved request's refund, asked of the payment and under way
                new PaymentRefundRequested(payment, order, "refund-request-a", 1_000, "USD", "r", "support"));
        assertThat(orders.cardRefundable(payment.value(), Map.of())).isEqualTo(OptionalLong.of(6_000));
        // the request the payment knows of counts once; one it was not asked for yet counts too
        assertThat(orders.cardRefundable(payment.value(), Map.of("refund-request-a", 1_000L, "refund-request-b", 2_500L)))
                .isEqualTo(OptionalLong.of(3_500));
        assertThat(orders.cardRefundable("wallet-ref", Map.of("refund-request-b", 2_500L))).isEmpty();
    }

    /**
     * The coupon an order redeemed, from its placement; none when it had none (a stream's findFirst of a null coupon
     * threw, and an approval that refunded an order without a coupon whole held refund-process on it, 2026-12-06).
     */
    @Test
    void theCouponOfAnOrder_orNone() {
        OrderId withCoupon = OrderId.random(), without = OrderId.random();
        appendTo("Order", withCoupon.value(), placed(withCoupon, "SPRING10"), new dev.stoa.api.ordering.OrderConfirmed(
                withCoupon, "ORD-1", buyer, "wallet", "wallet-" + withCoupon.value(), 900, "USD", true));
        appendTo("Order", without.value(), placed(without, null));
        assertThat(RefundableOrder.coupon(events, withCoupon)).contains("SPRING10");
        assertThat(RefundableOrder.coupon(events, without)).isEmpty();
        assertThat(RefundableOrder.coupon(events, OrderId.random())).isEmpty();
    }

    private dev.stoa.api.ordering.OrderPlaced placed(OrderId id, String coupon) {
        return new dev.stoa.api.ordering.OrderPlaced(id, "ORD-1", buyer, List.of(), new dev.stoa.api.ordering.OrderAmounts(
                1_000, 100, 0, 0, 900, "USD"), coupon, null, "wallet", null, null);
    }

    private void append(Object... payloads) { appendTo("Payment", payment.value(), payloads); }

    private void appendTo(String type, String id, Object... payloads) {
        List<DomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++)
            messages.add(new GenericDomainEventMessage<>(type, id, i, payloads[i]));
        events.publish(messages);
    }
}
