package dev.stoa.command.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.GrantEnrollment;
import dev.stoa.api.learning.RevokeEnrollment;
import dev.stoa.api.ordering.*;
import dev.stoa.api.payment.*;
import dev.stoa.command.ordering.CourseGrantsDue;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which grants and revocations {@link CourseEntitlements} sends, on an in-memory command bus and event store; above
 * all that a grant handled late (a dead letter retried after the order's refund or cancellation) gives nothing back.
 */
class CourseEntitlementsTest {
    private final OrderId order = OrderId.random();
    private final UserId buyer = UserId.random();
    private final String course = UUID.randomUUID().toString(), other = UUID.randomUUID().toString();
    private final List<Object> sent = new ArrayList<>();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CourseGrantsDue grantsDue = mock(CourseGrantsDue.class);
    private boolean grantsFail;
    private CourseEntitlements entitlements;

    @BeforeEach
    void setUp() {
        for (Class<?> type : List.of(GrantEnrollment.class, RevokeEnrollment.class))
            bus.subscribe(type.getName(), m -> {
                if (grantsFail) throw new IllegalStateException("no answer");
                sent.add(m.getPayload());
                return null;
            });
        entitlements = new CourseEntitlements(new Commands(DefaultCommandGateway.builder().commandBus(bus).build(),
                Duration.ofSeconds(5)), events, grantsDue);
    }

    private void stored(String aggregate, Object... payloads) {
        for (int i = 0; i < payloads.length; i++)
            events.publish(new GenericDomainEventMessage<>("Test", aggregate, i, payloads[i]));
    }

    private static OrderLine courseLine(String id) {
        return new OrderLine(OrderLine.COURSE, id, UserId.random(), "A course", null, 2_000, 1, 2_000, false);
    }

    private OrderPlaced placed() {
        return new OrderPlaced(order, "ORD-20261205-ABCD", buyer, List.of(courseLine(course), courseLine(other)),
                new OrderAmounts(4_000, 0, 0, 0, 4_000, "USD"), null, null, PlaceOrder.WALLET, null, Instant.now());
    }

    private OrderConfirmed confirmed() {
        return new OrderConfirmed(order, "ORD-20261205-ABCD", buyer, PlaceOrder.WALLET, "wallet-" + order.value(), 4_000, "USD");
    }

    private GrantEnrollment grant(String id) {
        return new GrantEnrollment(buyer, new CourseId(id), GrantEnrollment.ORDER, order.value(), 2_000, "USD");
    }

    @Test
    void aConfirmedOrderGrantsEachOfItsCourses() {
        stored(order.value(), placed(), confirmed());
        entitlements.on(confirmed());
        assertThat(sent).containsExactly(grant(course), grant(other));
        verify(grantsDue).settled(order);
    }

    @Test
    void anOrdersConfirmationEvictedFromThisProcessorsDeadLetters_settlesItsCourses_nothingElseDoes() {
        entitlements.evicted("order-read-model", confirmed());
        entitlements.evicted(CourseEntitlements.NAME, placed());
        verify(grantsDue, never()).settled(any());
        entitlements.evicted(CourseEntitlements.NAME, confirmed());
        verify(grantsDue).settled(order);
        assertThat(sent).as("nothing granted").isEmpty();
    }

    @Test
    void aGrantThatFails_leavesTheOrdersCoursesDue_forTheRetry() {
        stored(order.value(), placed(), confirmed());
        grantsFail = true;
        assertThatThrownBy(() -> entitlements.on(confirmed())).isNotNull();
        verify(grantsDue, never()).settled(any());
    }

    @Test
    void aGrantHandledAfterTheCoursesRefundWasApproved_grantsOnlyTheCourseNotRefunded() {
        stored(order.value(), placed(), confirmed());
        stored(OrderRefundsId.of(order), new RefundApproved(RefundRequestId.random(), order, "ORD-20261205-ABCD", buyer,
                List.of(new RefundLineAmount(0, OrderLine.COURSE, course, 1, 2_000, 0, 0)), 2_000, 0, 0, 0, 2_000, "USD",
                false, PlaceOrder.WALLET, "wallet-" + order.value(), "support-1"));
        entitlements.on(confirmed());
        assertThat(sent).containsExactly(grant(other));
    }

    @Test
    void aGrantHandledAfterTheOrderWasCancelled_grantsNothing() {
        stored(order.value(), placed(), confirmed(), new OrderCancelled(order, "ORD-20261205-ABCD", buyer, "confirmed",
                "chargeback", "admin-1", placed().lines(), null, PlaceOrder.WALLET, "wallet-" + order.value(), 4_000, "USD"));
        entitlements.on(confirmed());
        assertThat(sent).isEmpty();
        verify(grantsDue).settled(order);
    }

    @Test
    void aGrantHandledAfterTheCardPaymentWasRefundedWhole_grantsNothing_butAfterAPartialRefundGrantsAll() {
        OrderPlaced byCard = new OrderPlaced(order, "ORD-20261205-ABCD", buyer, List.of(courseLine(course), courseLine(other)),
                new OrderAmounts(4_000, 0, 0, 0, 4_000, "USD"), null, null, PlaceOrder.CARD, null, Instant.now());
        OrderConfirmed paid = new OrderConfirmed(order, "ORD-20261205-ABCD", buyer, PlaceOrder.CARD, PaymentId.ofOrder(order).value(),
                4_000, "USD");
        stored(order.value(), byCard, paid);
        PaymentId payment = PaymentId.ofOrder(order);
        stored(payment.value(), new PaymentRefunded(payment, order, buyer, "admin-1", "re_1", 1_000, "USD", 1_000, 4_000,
                PaymentStatus.PARTIALLY_REFUNDED, "goodwill"));
        entitlements.on(paid);
        assertThat(sent).as("a refund in part names no course").containsExactly(grant(course), grant(other));

        sent.clear();
        events.publish(new GenericDomainEventMessage<>("Test", payment.value(), 1, new PaymentRefunded(payment, order, buyer,
                "admin-2", "re_2", 3_000, "USD", 4_000, 4_000, PaymentStatus.REFUNDED, "fraud")));
        entitlements.on(paid); // the grant parked as a dead letter, retried after the whole refund
        assertThat(sent).isEmpty();
    }
}
