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

    private void append(Object... payloads) {
        List<DomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++)
            messages.add(new GenericDomainEventMessage<>("Payment", payment.value(), i, payloads[i]));
        events.publish(messages);
    }
}
